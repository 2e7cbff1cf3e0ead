package io.hirebot.sandbox;

import io.hirebot.sandbox.hire.DemoTenant;
import java.util.List;
import java.util.Optional;

/**
 * Who the console's user is acting as: one of the demo tenant's people with a role the bot's access rules know, and
 * the Feishu client language ({@code en_us} / {@code zh_cn}) per-viewer {@code i18n_content} is picked in.
 */
record ConsolePersona(String role, String openId, String locale) {

  /** Admin (HIREBOT_ADMINS in sandbox mode), BE-001's recruiter and hiring manager, an interviewer, and a stranger. */
  static final List<ConsolePersona> ALL = List.of(
      new ConsolePersona("admin", DemoTenant.ADMIN_ZHOU, "zh_cn"),
      new ConsolePersona("recruiter", DemoTenant.RECRUITER_LI, "en_us"),
      new ConsolePersona("hiring_manager", DemoTenant.HM_ZHANG, "zh_cn"),
      new ConsolePersona("interviewer", DemoTenant.INTERVIEWER_BROWN, "en_us"),
      new ConsolePersona("stranger", DemoTenant.GUEST_SUN, "en_us"));

  static Optional<ConsolePersona> byOpenId(String openId) {
    return ALL.stream().filter(p -> p.openId().equals(openId)).findFirst();
  }

  /** The persona's private chat with the bot. */
  String p2pChatId() {
    return ImState.p2pChatId(openId);
  }

  /** Group chats are shared by every persona; a private chat belongs to its own. */
  boolean sees(Chat chat) {
    return chat.isGroup() || openId.equals(chat.userOpenId());
  }
}

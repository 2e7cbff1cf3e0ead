package io.hirebot.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions, digests and the Follow button work in private chats too, where "本群" (this group) was wrong; their
 * texts say "here" / "this chat" ("这里"), which fits both kinds of chat.
 */
class ChatNeutralTextsTest {
  private static final Pattern EITHER_CHAT = Pattern.compile(
      "subs\\..*|digest\\..*|quiet\\..*|button\\.(un)?follow|help\\.command\\.(subscribe|digest|quiet)");
  private static final Pattern GROUP_ONLY = Pattern.compile("本群|this group|the group'?s? (follows|digest)");

  @Test
  @DisplayName("texts shown in groups and private chats alike never say 'this group'")
  void neutral() {
    Messages messages = Messages.load();
    List<String> wrong = new ArrayList<>();
    for (Language lang : Language.values()) {
      messages.all(lang).forEach((key, text) -> {
        if (EITHER_CHAT.matcher(key).matches() && GROUP_ONLY.matcher(text).find()) {
          wrong.add(lang + " " + key + "=" + text);
        }
      });
    }
    assertEquals(List.of(), wrong);
  }
}

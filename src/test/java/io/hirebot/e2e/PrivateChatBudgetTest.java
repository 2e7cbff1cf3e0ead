package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.RecordedRequest;
import io.hirebot.sandbox.hire.DemoTenant;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Feishu allows 5 messages a second to one user, whether replied in their private chat or sent to their open_id
 * (feishu-bot-protocol.md §5.5; docs im-v1/message/create and reply: "向同一用户发送消息的限频为 5 QPS"). The bot
 * paces both in one budget, so a user who types in the private chat while clicking the bot's menu (answered by
 * open_id) never gets a message refused with 230020.
 */
class PrivateChatBudgetTest {
  /** Commands and menu clicks each: ten messages to one user, within the bot's per-user command burst of 10. */
  private static final int EACH = 5;
  @RegisterExtension
  static final BotHarness h = BotHarness.encrypted();

  @Test
  @DisplayName("replies in a user's private chat and menu answers sent to their open_id share the user's 5/s: none is refused")
  void oneBudgetPerUser() {
    String user = DemoTenant.RECRUITER_LI;
    String chat = ImState.p2pChatId(user);
    int before = h.sandbox.requests().all().size();

    List<Future<PushResult>> pushes = new ArrayList<>();
    for (int i = 0; i < EACH; i++) {
      pushes.add(h.sandbox.events().message(MessageSpec.p2p(user).text("help")));
      pushes.add(h.sandbox.events().raw("application.bot.menu_v6", new JsonObject()
          .put("operator", new JsonObject().put("operator_name", "李娜")
              .put("operator_id", new JsonObject().put("open_id", user)))
          .put("event_key", "help").put("timestamp", System.currentTimeMillis())));
    }
    await(Future.all(pushes));
    await(h.sandbox.im().awaitMessage(m -> h.sandbox.im().inChat(chat).size() >= 2 * EACH, TIMEOUT));

    List<RecordedRequest> during = h.sandbox.requests().all().subList(before, h.sandbox.requests().all().size());
    List<RecordedRequest> refused = during.stream()
        .filter(r -> r.path().startsWith("/open-apis/im/") && RateFigures.rateLimited(r)).toList();
    System.out.printf("[private-chat-budget] %d messages to one user: %d refused by Feishu's per-user limit%n",
        h.sandbox.im().inChat(chat).size(), refused.size());
    assertEquals(List.of(), refused.stream().map(r -> r.method() + " " + r.path() + " " + r.responseBody()).toList());
    assertEquals(2 * EACH, h.sandbox.im().inChat(chat).size());
  }
}

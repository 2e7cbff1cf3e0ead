package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Job;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 14: every inbound kind passes the same middleware chain, so a click meets the gates a command meets. */
class InboundChainTest {
  private static final String CLOSED_GROUP = ImState.DEMO_BACKEND_CHAT;
  private BotHarness h;

  @BeforeEach
  void start() {
    h = BotHarness.encrypted();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private SentMessage inGroup(String who, String text) {
    return h.ask(MessageSpec.group(CLOSED_GROUP).from(who).mentioningBot().text(text));
  }

  /** Reads of candidates' data (deciding who may see it reads job teams, never these). */
  private long candidateReads() {
    return h.sandbox.requests().count("GET", "/open-apis/hire/v1/(applications|talents).*");
  }

  @Test
  @DisplayName("a stranger's click on a card in a group that is not enabled is refused like the command, reading nothing")
  void clickInClosedGroup() {
    Job job = h.sandbox.hire().jobByCode("BE-001").orElseThrow();
    inGroup(DemoTenant.ADMIN_ZHOU, "enable");
    SentMessage card = inGroup(DemoTenant.RECRUITER_LI, "candidates for job BE-001");
    assertEquals("interactive", card.msgType());
    inGroup(DemoTenant.ADMIN_ZHOU, "disable");
    // The command is refused here now...
    SentMessage refused = inGroup(DemoTenant.GUEST_SUN, "candidates for job BE-001");
    assertTrue(refused.text().contains("not been enabled"), refused.text());

    // ...and so is the next-page click on the card left in the group.
    long before = candidateReads();
    PushResult click = await(h.sandbox.events().cardAction(CardActionSpec.on(card.messageId())
        .by(DemoTenant.GUEST_SUN).tag("button").value(new JsonObject()
            .put("action", "candidates.page").put("job_id", job.id()).put("page", 1).put("lang", "en_us"))));

    assertEquals(200, click.status(), click.body());
    JsonObject body = click.jsonBody();
    assertNull(body.getJsonObject("card"), "no page of candidates for a stranger");
    JsonObject toast = body.getJsonObject("toast", new JsonObject());
    assertEquals("error", toast.getString("type"), body.encode());
    assertTrue(toast.getString("content", "").contains("not been enabled"), body.encode());
    assertEquals(before, candidateReads(), "a refused click reads no candidate from Hire");

    // The job's own recruiter is refused there too, as their command would be: the next page would show the group.
    PushResult own = await(h.sandbox.events().cardAction(CardActionSpec.on(card.messageId())
        .by(DemoTenant.RECRUITER_LI).tag("button").value(new JsonObject()
            .put("action", "candidates.page").put("job_id", job.id()).put("page", 1).put("lang", "en_us"))));
    assertNull(own.jsonBody().getJsonObject("card"), "no page of candidates in a group that is not enabled");
    assertTrue(own.body().contains("not been enabled"), own.body());
    assertEquals(before, candidateReads());
  }

  @Test
  @DisplayName("a bot menu click is answered by open_id, and its card is recorded in the user's real private chat")
  void menuClickRealChat() throws SQLException {
    String recruiter = DemoTenant.RECRUITER_LI;
    JsonObject event = new JsonObject()
        .put("operator", new JsonObject().put("operator_name", "李娜")
            .put("operator_id", new JsonObject().put("open_id", recruiter)))
        .put("event_key", "candidates for job BE-001").put("timestamp", System.currentTimeMillis());
    assertEquals(200, await(h.sandbox.events().raw("application.bot.menu_v6", event)).status());
    String chat = ImState.p2pChatId(recruiter);
    SentMessage card = await(h.sandbox.im().awaitMessage(m -> chat.equals(m.chatId()) && m.parentId() == null
        && "interactive".equals(m.msgType()), TIMEOUT));

    // Living cards keep the card current in the chat it is in: the real chat, not an invented id.
    String stored = null;
    for (int i = 0; i < 100 && stored == null; i++) {
      stored = storedChat(card.messageId());
      if (stored == null) {
        await(io.vertx.core.Future.future(p -> h.vertx.setTimer(50, t -> p.complete())));
      }
    }
    assertEquals(chat, stored);
    // The answer was addressed to the user (the menu event names no chat), with receive_id_type=open_id.
    assertTrue(h.sandbox.requests().all().stream().anyMatch(r -> r.is("POST", "/open-apis/im/v1/messages")
        && "open_id".equals(r.queryParam("receive_id_type"))
        && recruiter.equals(r.jsonBody().getString("receive_id"))), "sent to the open_id");
  }

  @Test
  @DisplayName("a menu item that would change something (subscribe) gets one line saying to type it in the chat, and "
      + "changes nothing; a read-only item still answers")
  void menuItemsAreReadOnly() throws SQLException {
    String recruiter = DemoTenant.RECRUITER_LI;
    String chat = ImState.p2pChatId(recruiter);
    menuClick(recruiter, "subscribe job BE-001");
    SentMessage answer = await(h.sandbox.im().awaitMessage(m -> chat.equals(m.chatId()) && m.parentId() == null,
        TIMEOUT));
    assertEquals("text", answer.msgType(), answer.currentContent().toString());
    assertTrue(answer.text().contains("type it in the chat") && answer.text().contains("subscribe job BE-001"),
        answer.text());
    assertEquals(0, count("SELECT COUNT(*) FROM subscriptions"), "nothing subscribed");

    menuClick(recruiter, "订阅 BE-001");
    SentMessage zh = await(h.sandbox.im().awaitMessage(m -> chat.equals(m.chatId()) && m.parentId() == null
        && !m.messageId().equals(answer.messageId()), TIMEOUT));
    assertTrue(zh.text().contains("菜单") && zh.text().contains("订阅 BE-001"), zh.text());
    assertEquals(0, count("SELECT COUNT(*) FROM subscriptions"));
  }

  private void menuClick(String who, String key) {
    JsonObject event = new JsonObject()
        .put("operator", new JsonObject().put("operator_id", new JsonObject().put("open_id", who)))
        .put("event_key", key).put("timestamp", System.currentTimeMillis());
    assertEquals(200, await(h.sandbox.events().raw("application.bot.menu_v6", event)).status());
  }

  private long count(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(h.config.dbUrl(), "", "");
        PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private String storedChat(String messageId) throws SQLException {
    try (Connection c = DriverManager.getConnection(h.config.dbUrl(), "", "");
        PreparedStatement s = c.prepareStatement("SELECT chat_id FROM sent_cards WHERE message_id = ?")) {
      s.setString(1, messageId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}

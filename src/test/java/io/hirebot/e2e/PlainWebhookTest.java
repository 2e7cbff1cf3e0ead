package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Without an encrypt key Feishu sends plain envelopes, and the verification token is the only proof. */
class PlainWebhookTest {
  @RegisterExtension
  static final BotHarness h = BotHarness.plain();

  @Test
  @DisplayName("url_verification, plain, is answered with the challenge")
  void urlVerificationPlain() {
    PushResult r = await(h.sandbox.events().urlVerification("plain-chal"));
    assertEquals(200, r.status());
    assertEquals("plain-chal", r.jsonBody().getString("challenge"));
  }

  @Test
  @DisplayName("url_verification with the wrong token gets 401")
  void urlVerificationWrongToken() {
    var body = new JsonObject().put("challenge", "x").put("token", "not-the-token").put("type", "url_verification");
    var resp = await(h.web.postAbs(h.bot.url("/webhook/event")).sendJsonObject(body));
    assertEquals(401, resp.statusCode());
  }

  @Test
  @DisplayName("a plain event with the right token is answered; a forged one gets 401")
  void plainEvents() {
    var forgedEnvelope = new JsonObject().put("schema", "2.0")
        .put("header", new JsonObject().put("event_id", "ev_forged").put("event_type", "im.message.receive_v1")
            .put("create_time", String.valueOf(System.currentTimeMillis())).put("token", "stolen-or-guessed")
            .put("app_id", "cli_sandbox").put("tenant_key", "tk_sandbox"))
        .put("event", new JsonObject()
            .put("sender", new JsonObject().put("sender_id", new JsonObject().put("open_id", "ou_user_alice"))
                .put("sender_type", "user"))
            .put("message", new JsonObject().put("message_id", "om_forged").put("chat_id", ImState.DEMO_TEAM_CHAT)
                .put("chat_type", "p2p").put("message_type", "text").put("create_time", "1700000000000")
                .put("content", "{\"text\":\"help\"}")));
    assertEquals(401, await(h.web.postAbs(h.bot.url("/webhook/event")).sendJsonObject(forgedEnvelope)).statusCode());
    PushResult ok = await(h.sandbox.events().message(
        MessageSpec.group(ImState.DEMO_TEAM_CHAT).from("ou_user_alice").mentioningBot().text("help")));
    assertEquals(200, ok.status());
    var reply = await(h.sandbox.im().awaitMessage(m -> ok.messageId().equals(m.parentId()), TIMEOUT));
    assertTrue(reply.currentContent().toString().contains("hirebot"));
    assertEquals(0, h.sandbox.im().repliesTo("om_forged").size());
  }
}

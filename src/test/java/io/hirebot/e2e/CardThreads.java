package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** What the tests of clicks on shared cards read: a card as it is now, the messages posted below it, a button click. */
final class CardThreads {
  private final BotHarness h;

  CardThreads(BotHarness h) {
    this.h = h;
  }

  /** {@code m} as the chat shows it now (its updates applied). */
  SentMessage now(SentMessage m) {
    return h.sandbox.im().message(m.messageId()).orElseThrow();
  }

  /** The bot's messages replying to {@code m}. */
  List<SentMessage> repliesTo(SentMessage m) {
    return h.sandbox.im().repliesTo(m.messageId());
  }

  SentMessage awaitReplyTo(SentMessage m) {
    return await(h.sandbox.im().awaitMessage(x -> m.messageId().equals(x.parentId()), TIMEOUT));
  }

  /** {@code who} clicks the button carrying {@code value} on {@code message}. */
  static CardActionSpec button(SentMessage message, String who, JsonNode value) {
    return CardActionSpec.on(message.messageId()).by(who).tag("button").value(new JsonObject(value.toString()));
  }

  /** The group's card stayed as it was: the click answered with no card, and nothing changed the message. */
  void unchanged(SentMessage card, PushResult click) {
    assertEquals(200, click.status(), click.body());
    assertEquals(List.of(), click.violations());
    assertNull(click.jsonBody().getJsonObject("card"), "the group's card is not replaced: " + click.body());
    SentMessage after = now(card);
    assertTrue(after.updates().isEmpty(), "the group's card is not changed: " + after.updates());
    assertEquals(card.content(), after.currentContent());
  }

  static String title(JsonNode card) {
    return card.path("header").path("title").path("content").asText();
  }

  static JsonObject toast(PushResult r) {
    return r.jsonBody().getJsonObject("toast", new JsonObject());
  }

  /** The click's toast is an info in both languages, each saying its part; its {@code i18n}, for more checks. */
  static JsonObject infoToast(PushResult click, String english, String chinese) {
    JsonObject toast = toast(click);
    assertEquals("info", toast.getString("type"), click.body());
    JsonObject i18n = toast.getJsonObject("i18n", new JsonObject());
    assertTrue(i18n.getString("en_us", "").contains(english), toast.encode());
    assertTrue(i18n.getString("zh_cn", "").contains(chinese), toast.encode());
    return i18n;
  }
}

package io.hirebot.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.hirebot.sandbox.SentMessage;

/** What a test reads off the bot's replies: a card's JSON, a card's title in each language. */
final class Replies {
  private Replies() {}

  /** The reply's card JSON; fails, showing what came instead, when the reply is no card. */
  static String card(SentMessage reply) {
    assertEquals("interactive", reply.msgType(), "a card, not: " + reply.content());
    return reply.currentContent().toString();
  }

  /** A card's title in each language it has; a text (a refusal, say) as it reads, so a failure shows what came. */
  static String title(SentMessage reply) {
    JsonNode header = reply.currentContent().path("header").path("title");
    return header.isMissingNode() ? reply.currentContent().toString()
        : header.path("content").asText() + " " + header.path("i18n_content").toString();
  }

  /** Whether a card is the interim one a command slower than the reply deadline gets first, in either language. */
  static boolean stillWaiting(String card) {
    return card.contains("Still waiting for Feishu Hire") || card.contains("仍在等待飞书招聘");
  }
}

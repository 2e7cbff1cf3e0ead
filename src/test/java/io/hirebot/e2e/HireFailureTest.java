package io.hirebot.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.RecordedRequest;
import io.hirebot.sandbox.SentMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hire failures reach the user as a short card with the failed call's log id; a fresh bot per test (cold caches). */
class HireFailureTest {
  private BotHarness h;

  @BeforeEach
  void start() {
    h = BotHarness.encrypted();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private SentMessage ask(String text) {
    return h.ask(MessageSpec.group(ImState.DEMO_TEAM_CHAT).from("ou_user_alice").mentioningBot().text(text));
  }

  @Test
  @DisplayName("a Hire error answers with a card carrying the call's X-Tt-Logid, and no stack trace")
  void hireErrorShowsLogId() {
    h.sandbox.faults().failNext("GET", "/open-apis/hire/v1/jobs", 500, 1002001, "system error");
    SentMessage reply = ask("candidates for job BE-001");
    RecordedRequest failed = h.sandbox.requests().matching("GET", "/open-apis/hire/v1/jobs").get(0);
    assertEquals(500, failed.status());
    String card = reply.currentContent().toString();
    assertTrue(card.contains(failed.logId()), "card shows " + failed.logId() + ": " + card);
    assertTrue(card.contains("1002001"));
    assertFalse(card.contains("Exception"));
  }

  @Test
  @DisplayName("a rate-limited Hire call (429) is retried after the reset delay and the answer still arrives")
  void rateLimitedIsRetried() {
    h.sandbox.faults().failNext("GET", "/open-apis/hire/v1/jobs", 429, 99991400, "request trigger frequency limit");
    SentMessage reply = ask("candidates for job BE-001");
    assertTrue(reply.currentContent().path("header").path("title").path("content").asText().contains("Backend"));
    assertEquals(2, h.sandbox.requests().count("GET", "/open-apis/hire/v1/jobs"));
  }

  @Test
  @DisplayName("a 502 whose body is a proxy's HTML page (the SDK cannot parse it) answers with the 502 and its X-Tt-Logid")
  void nonJsonGatewayErrorShowsLogId() {
    h.sandbox.faults().gatewayErrorAlways("/open-apis/hire/v1/jobs", 502);
    SentMessage reply = ask("candidates for job BE-001");
    RecordedRequest failed = h.sandbox.requests().matching("GET", "/open-apis/hire/v1/jobs").get(0);
    assertEquals(502, failed.status());
    String card = reply.currentContent().toString();
    assertTrue(card.contains(failed.logId()), "card shows " + failed.logId() + ": " + card);
    assertTrue(card.contains("502") && card.contains("hire.job.list"), card);
    assertFalse(card.contains("Exception") || card.contains("<html>"), card);
  }

  @Test
  @DisplayName("a 429 whose reset is longer than a command waits is answered at once with when to try again")
  void longRateLimitAnswersAtOnce() {
    h.sandbox.faults().rateLimitAlways("/open-apis/hire/v1/jobs", 10, 30);
    SentMessage reply = ask("candidates for job BE-001");
    String card = reply.currentContent().toString();
    RecordedRequest limited = h.sandbox.requests().matching("GET", "/open-apis/hire/v1/jobs").get(0);
    assertTrue(card.contains("try again in 30 s") && card.contains(limited.logId()), card);
    assertEquals(1, h.sandbox.requests().count("GET", "/open-apis/hire/v1/jobs"), "not retried within the deadline");
  }
}

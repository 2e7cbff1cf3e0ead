package io.hirebot.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.RecordedRequest;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.testing.ClickAnswer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Hire failures reach the user as a short card with the failed call's log id; a fresh bot per test (cold caches). */
class HireFailureTest {
  @RegisterExtension
  final BotHarness h = BotHarness.encrypted();

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

  @Test
  @DisplayName("a slow click in a group whose work then fails still answers: the error card with the log id, shown to "
      + "the clicker alone; the group's card stays as it was")
  void slowFailingClickIsCompleted() {
    SentMessage list = ask("candidates for job BE-001");
    String details = "/open-apis/hire/v1/applications/[^/]+/get_detail";
    h.sandbox.faults().latency(details, Duration.ofMillis(2_700))
        .failAlways("GET", details, 500, 1002001, "system error");
    JsonObject nextPage = new JsonObject().put("action", "candidates.page").put("job_id",
        h.sandbox.hire().jobByCode("BE-001").orElseThrow().id()).put("page", 1).put("lang", "en_us");
    PushResult click = BotHarness.await(h.sandbox.events().cardAction(
        CardActionSpec.on(list.messageId()).by(DemoTenant.RECRUITER_LI).tag("button").value(nextPage)));
    assertTrue(click.delivered(), click.status() + " " + click.body());
    assertEquals("info", click.jsonBody().getJsonObject("toast").getString("type"), "slower than the budget");
    // The failure is the clicker's notice, not the group's card: it goes to them alone (an ephemeral card).
    RecordedRequest update = BotHarness.await(h.sandbox.requests().await(
        r -> r.path().equals(ClickAnswer.EPHEMERAL) && r.body().contains("1002001"), Duration.ofSeconds(20)));
    assertEquals(200, update.status(), update.responseBody());
    assertTrue(update.body().contains(DemoTenant.RECRUITER_LI), update.body());
    assertTrue(h.sandbox.requests().all().stream().noneMatch(r -> r.path().equals(ClickAnswer.CARD_UPDATE)),
        "the group's card was not replaced by one person's error");
    Set<String> failedLogIds = h.sandbox.requests().all().stream().filter(r -> r.status() == 500)
        .map(RecordedRequest::logId).collect(Collectors.toSet());
    assertTrue(failedLogIds.stream().anyMatch(update.body()::contains), "log id of a failed call in " + update.body());
    assertTrue(update.body().contains("1002001"), update.body());
  }
  @Test
  @DisplayName("in a private chat, an Advance whose transfer_stage Hire never answers leaves the list usable: what "
      + "happened comes as a message of its own, saying the move may or may not have been made, not 'did not work'")
  void unansweredWriteInAPrivateChatKeepsTheList() {
    SentMessage list = h.ask(MessageSpec.p2p(DemoTenant.RECRUITER_LI).text("candidates for job BE-001"));
    h.awaitCardRecorded(list.messageId()); // as the private chat's card, not one the bot never recorded
    JsonNode advance = firstValue(list.currentContent(), "advance");
    h.sandbox.faults().hang(".*/transfer_stage");
    PushResult click = BotHarness.await(h.sandbox.events().cardAction(CardActionSpec.on(list.messageId())
        .by(DemoTenant.RECRUITER_LI).tag("button").value(new JsonObject(advance.toString()))));
    assertTrue(click.delivered(), click.status() + " " + click.body());

    String chat = ImState.p2pChatId(DemoTenant.RECRUITER_LI);
    SentMessage told = BotHarness.await(h.sandbox.im().awaitMessage(m -> m.chatId().equals(chat)
        && !m.messageId().equals(list.messageId())
        && m.currentContent().toString().contains("hire.application.transfer"), Duration.ofSeconds(20)));
    String notice = told.currentContent().toString();
    assertTrue(notice.contains("may or may not"), notice);
    assertFalse(notice.contains("did not work") || notice.contains("try again in a moment"), notice);
    // The clicked list is still the list, its buttons there to use.
    JsonNode now = h.sandbox.im().message(list.messageId()).orElseThrow().currentContent();
    assertTrue(firstValue(now, "advance") != null, "the list card still offers Advance: " + now);
  }

  /** The callback value of the first button or menu of {@code card} whose action is {@code action}, or null. */
  private static JsonNode firstValue(JsonNode card, String action) {
    for (JsonNode value : card.findValues("value")) {
      if (value.isObject() && action.equals(value.path("action").asText())) {
        return value;
      }
    }
    return null;
  }
}

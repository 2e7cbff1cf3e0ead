package io.hirebot.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A change slower than the 4 s command deadline: whatever the user is told meanwhile must stay true (nothing claims
 * it failed), and what finally happened replaces it. The slow part is Hire's application list, which subscribing
 * reads after the subscription is stored (the new-application baseline): a slow answer, a 429, then a slow answer
 * again (each under the 3.5 s call timeout, together past the deadline).
 */
class SlowChangesTest {
  /** Twice this (plus a back-off) is past the deadline (4 s); once is under the Hire call timeout (3.5 s). */
  private static final Duration SLOW = Duration.ofMillis(2_500);
  private static final String APPLICATION_LIST = "/open-apis/hire/v1/applications";

  @RegisterExtension
  final BotHarness h = BotHarness.encrypted();

  private SentMessage ask(String text) {
    return h.ask(MessageSpec.group(ImState.DEMO_TEAM_CHAT).from("ou_user_alice").mentioningBot().text(text));
  }

  private void slowApplicationList() {
    h.sandbox.faults().latency(APPLICATION_LIST, SLOW)
        .failNext("GET", APPLICATION_LIST, 429, 99991400, "request trigger frequency limit");
  }

  @Test
  @DisplayName("'subscribe job' slower than the deadline: 'still working', never 'did not answer', then the "
      + "confirmation replaces it, and the subscription is stored")
  void slowSubscribeIsConfirmedLate() {
    slowApplicationList();
    long started = System.nanoTime();
    SentMessage reply = ask("subscribe job BE-001");
    long firstMs = (System.nanoTime() - started) / 1_000_000;
    String first = reply.currentContent().toString();
    System.out.printf("slow subscribe: first answer after %d ms: %s%n", firstMs, first);
    assertFalse(first.contains("did not answer") || first.contains("暂时无法响应"), first);
    assertFalse(first.contains("now follows"), "not confirmed before it is done: " + first);

    RecordedRequest update = BotHarness.await(h.sandbox.requests().await(
        r -> r.method().equals("PATCH") && r.path().endsWith("/messages/" + reply.messageId()),
        Duration.ofSeconds(20)));
    assertEquals(200, update.status(), update.responseBody());
    String last = h.sandbox.im().message(reply.messageId()).orElseThrow().currentContent().toString();
    assertTrue(last.contains("now follows") && last.contains("Backend"), last);

    h.sandbox.faults().clear();
    assertTrue(ask("subscriptions").toString().contains("Backend"), "stored");
  }

  @Test
  @DisplayName("'Follow this job here' slower than the deadline, in a group: the clicker alone is told it is still "
      + "working, then that the chat follows the job (never 'did not answer'); the group's card stays as it was")
  void slowFollowClickIsConfirmedLate() {
    // A card of the bot's that read no application list, so the follow's read is not cached.
    SentMessage list = ask("help");
    String before = list.currentContent().toString();
    slowApplicationList();
    JsonObject follow = new JsonObject().put("action", "subscribe")
        .put("job_id", h.sandbox.hire().jobByCode("DS-001").orElseThrow().id()).put("lang", "en_us");
    PushResult click = BotHarness.await(h.sandbox.events().cardAction(
        CardActionSpec.on(list.messageId()).by(DemoTenant.RECRUITER_LI).tag("button").value(follow)));
    assertTrue(click.delivered(), click.status() + " " + click.body());
    assertEquals("info", click.jsonBody().getJsonObject("toast").getString("type"), "slower than the budget");

    BotHarness.await(h.sandbox.requests().await(
        r -> r.path().equals(ClickAnswer.EPHEMERAL) && r.body().contains("now follows"), Duration.ofSeconds(20)));
    var notices = h.sandbox.requests().all().stream().filter(r -> r.path().equals(ClickAnswer.EPHEMERAL)).toList();
    notices.forEach(u -> System.out.println("slow follow: shown to the clicker alone " + u.body()));
    assertTrue(notices.stream().allMatch(u -> u.body().contains(DemoTenant.RECRUITER_LI)), notices.toString());
    assertTrue(notices.stream().noneMatch(u -> u.body().contains("did not answer")), notices.toString());
    assertTrue(h.sandbox.requests().all().stream().noneMatch(r -> r.path().equals(ClickAnswer.CARD_UPDATE)),
        "the group's card was not replaced by one person's notice");
    assertEquals(before, h.sandbox.im().message(list.messageId()).orElseThrow().currentContent().toString());
    if (notices.size() > 1) {
      // Only the latest notice stays: a "still waiting" shown first is removed.
      BotHarness.await(h.sandbox.requests().await(r -> r.path().equals("/open-apis/ephemeral/v1/delete")
          && r.status() == 200, Duration.ofSeconds(20)));
      assertEquals(1, h.sandbox.im().ephemeralCards().size(), h.sandbox.im().ephemeralCards().toString());
    }
  }
}

package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.schedule.MutableClock;
import io.hirebot.store.JdbcProcessedEvents;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An event whose handling always fails is retried with back-off, then parked and shown to admins; never replayed after. */
class EventAttemptsTest {
  private final MutableClock clock = MutableClock.atNow();
  @RegisterExtension
  final BotHarness h = BotHarness.start(Map.of("HIREBOT_PORT", "0"), clock);

  @Test
  @DisplayName("a stage change whose handling always fails is tried 4 times (1, 5, 25 min apart), parked with its error, "
      + "listed by 'failed events' for an admin, and never tried again")
  void poisonEventIsParked() throws InterruptedException {
    var application = h.sandbox.hire().applications().get(0);
    String applicationId = application.id();
    String detail = "/open-apis/hire/v1/applications/" + applicationId + "/get_detail";
    // Hire answers this application's detail with an internal error, every time.
    h.sandbox.faults().failAlways("GET", detail.replace("/", "\\/"), 500, 1002001, "internal error");
    PushResult push = await(h.sandbox.events().raw("hire.application.stage_changed_v1", new JsonObject()
        .put("application_id", applicationId).put("origin_stage_id", application.stageId()).put("target_stage_id", application.stageId())
        .put("update_time", clock.millis())));
    assertEquals(200, push.status(), "acknowledged once claimed: " + push);
    awaitCount("hirebot.events.failed", 1);

    Duration[] waits = {Duration.ofMinutes(2), Duration.ofMinutes(6), Duration.ofMinutes(26)};
    for (int i = 0; i < waits.length; i++) {
      // Not before its back-off ends: a sweep now replays nothing.
      long calls = h.sandbox.requests().count("GET", detail);
      h.runRoutines(h.bot);
      assertEquals(calls, h.sandbox.requests().count("GET", detail), "replayed before its back-off ended");
      clock.advance(waits[i]);
      h.runRoutines(h.bot);
      if (i < waits.length - 1) {
        awaitCount("hirebot.events.failed", i + 2);
      }
    }
    awaitCount("hirebot.events.parked", 1);
    long afterParking = h.sandbox.requests().count("GET", detail);
    for (int hour = 0; hour < 8; hour++) {
      clock.advance(Duration.ofHours(1));
      h.runRoutines(h.bot);
    }
    assertEquals(afterParking, h.sandbox.requests().count("GET", detail), "a parked event is never replayed");
    assertEquals(1.0, h.registry.counter("hirebot.events.parked").count());
    System.out.println("[poison event] get_detail calls until parked: " + afterParking + ", attempts: "
        + JdbcProcessedEvents.MAX_ATTEMPTS);

    SentMessage card = h.ask(MessageSpec.p2p(DemoTenant.ADMIN_ZHOU).text("failed events"));
    String text = card.currentContent().toString();
    assertTrue(text.contains(push.eventId()), text);
    assertTrue(text.contains("1002001") || text.contains("internal error"), text);
    assertTrue(text.contains(JdbcProcessedEvents.MAX_ATTEMPTS + " attempts"), text);
    SentMessage zh = h.ask(MessageSpec.p2p(DemoTenant.ADMIN_ZHOU).text("失败事件"));
    assertTrue(zh.currentContent().toString().contains("失败事件"), zh.currentContent().toString());
    SentMessage refused = h.ask(MessageSpec.p2p(DemoTenant.RECRUITER_LI).text("failed events"));
    assertTrue(!refused.currentContent().toString().contains(push.eventId()), "only admins see failed events");
  }

  private void awaitCount(String counter, int n) throws InterruptedException {
    long deadline = System.nanoTime() + BotHarness.TIMEOUT.toNanos();
    while (h.registry.counter(counter).count() < n) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(counter + " stayed at " + h.registry.counter(counter).count() + ", expected " + n);
      }
      Thread.sleep(20);
    }
  }
}

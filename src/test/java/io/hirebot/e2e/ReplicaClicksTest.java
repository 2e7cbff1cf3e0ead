package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.app.RunningBot;
import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.EphemeralCard;
import io.hirebot.sandbox.Faults;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.MessageUpdate;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Job;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two replicas on one database (H2 shared in this JVM, and PostgreSQL, as a scaled-out bot runs), each getting one of
 * two different clicks on one row at once: Hire gets one write, and the other click says the row is out of date. The
 * first write is held at Hire until the second click has been answered, so the two clicks overlap every time.
 */
class ReplicaClicksTest {
  private static final String RECRUITER = DemoTenant.RECRUITER_LI;
  private static final String MANAGER = DemoTenant.HM_ZHANG;
  /** The notice of a list refreshed because the application ended since the card was sent (English card). */
  private static final String ENDED = "application has ended";

  @Test
  @DisplayName("H2: Reject's confirm on one replica while Advance is clicked on another: one write, Advance says the "
      + "row is out of date")
  void onH2() {
    race(BotHarness.encrypted());
  }

  @Test
  @DisplayName("PostgreSQL: Reject's confirm on one replica while Advance is clicked on another: one write, Advance "
      + "says the row is out of date")
  void onPostgres() throws IOException {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      race(BotHarness.start(Map.of("HIREBOT_PORT", "0", "HIREBOT_DB_URL", pg.getJdbcUrl("postgres", "postgres"))));
    }
  }

  private static void race(BotHarness h) {
    try {
      // GIVEN a second replica on the same database, and the team's candidates card (sent by the first)
      RunningBot replica = h.startReplica();
      Job job = h.sandbox.hire().jobByCode("BE-001").orElseThrow();
      PushResult ask = await(h.sandbox.events().message(MessageSpec.group(ImState.DEMO_TEAM_CHAT)
          .from(RECRUITER).mentioningBot().text("candidates for job BE-001")));
      SentMessage card = await(h.sandbox.im().awaitMessage(m -> ask.messageId().equals(m.parentId()), TIMEOUT));
      h.awaitCardRecorded(card.messageId());
      Application a = RowRaces.movable(h, job);
      String shown = card.currentContent().toString();
      await(h.sandbox.events().cardAction(CardActionSpec.on(card.messageId()).by(MANAGER).tag("button")
          .value(ButtonValues.only(shown, "reject", a.id()))));
      EphemeralCard form = h.sandbox.im().ephemeralCards().stream().filter(e -> e.openId().equals(MANAGER))
          .reduce((x, y) -> y).orElseThrow(() -> new AssertionError("no reject form"));

      // WHEN the manager confirms the rejection on the first replica, whose write reaches Hire and waits there
      Faults.Hold held = h.sandbox.faults().hold(RowRaces.TERMINATE);
      Future<PushResult> reject;
      PushResult advance;
      try {
        reject = h.sandbox.events().cardAction(CardActionSpec.on(form.messageId()).by(MANAGER).tag("button")
            .value(ButtonValues.only(form.card().toString(), "reject.confirm", a.id()))
            .formValue(new JsonObject().put("reason", Rejections.reason(h).id())));
        await(held.arrived());
        // AND meanwhile the recruiter clicks Advance on the row, a click Feishu delivers to the other replica
        advance = await(onReplica(h, replica, () -> h.sandbox.events().cardAction(CardActionSpec.on(card.messageId())
            .by(RECRUITER).tag("button").value(ButtonValues.only(shown, "advance", a.id())))));
      } finally {
        held.release();
      }
      await(h.sandbox.requests().await(r -> r.path().matches(RowRaces.TERMINATE), TIMEOUT));
      String advanceOutcome = outcome(h, card, advance);

      // THEN Hire got one write, the rejection, and the Advance click was answered that the row is out of date
      RowRaces.answeredInTime(await(reject), advance);
      assertEquals(1, RowRaces.transfers(h, a) + RowRaces.terminates(h, a), "transfer/terminate calls");
      assertFalse(h.sandbox.hire().application(a.id()).orElseThrow().active(), "the rejection was made");
      assertTrue(advanceOutcome.contains(ENDED), advanceOutcome);
    } finally {
      h.close();
    }
  }

  /** Pushes a click to {@code replica} instead of the first bot (the sandbox reads its target as it pushes). */
  private static Future<PushResult> onReplica(BotHarness h, RunningBot replica,
      java.util.function.Supplier<Future<PushResult>> push) {
    h.sandbox.botUrls(replica.url("/webhook/event"), replica.url("/webhook/card"));
    try {
      return push.get();
    } finally {
      h.sandbox.botUrls(h.bot.url("/webhook/event"), h.bot.url("/webhook/card"));
    }
  }

  /**
   * What the click came to: its answer, or, when it answered "in progress" (its work went on past Feishu's 3 s), the
   * card's delayed update with the outcome.
   */
  private static String outcome(BotHarness h, SentMessage card, PushResult answer) {
    if (!"info".equals(RowRaces.toastType(answer))) {
      return answer.body();
    }
    return await(h.sandbox.im().awaitMessage(m -> m.messageId().equals(card.messageId()) && m.updates().stream()
        .anyMatch(u -> u.kind() == MessageUpdate.Kind.DELAYED_UPDATE && u.content().toString().contains(ENDED)),
        TIMEOUT)).currentContent().toString();
  }
}

package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.EphemeralCard;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Stage;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Clicks that race on one application of a group's card: each is answered in time, and the application is changed
 * once, as the first click asked; a click made on the row as it was before that change says it is out of date.
 * Hire's transfer_stage answers slowly here (the first write still open when the second click arrives).
 */
class ConcurrentClicksTest {
  private static final String RECRUITER = DemoTenant.RECRUITER_LI;
  private static final String MANAGER = DemoTenant.HM_ZHANG;
  @RegisterExtension
  final BotHarness h = BotHarness.encrypted();
  private Job job;
  private SentMessage card;

  @BeforeEach
  void start() {
    job = h.sandbox.hire().jobByCode("BE-001").orElseThrow();
    PushResult ask = await(h.sandbox.events().message(MessageSpec.group(ImState.DEMO_TEAM_CHAT)
        .from(RECRUITER).mentioningBot().text("candidates for job BE-001")));
    card = await(h.sandbox.im().awaitMessage(m -> ask.messageId().equals(m.parentId()), TIMEOUT));
    h.awaitCardRecorded(card.messageId());
  }

  @Test
  @DisplayName("Advance by one person and Move (to another stage) by another, at once: one transfer, the other click "
      + "is told the row is out of date")
  void advanceAndMoveAtOnce() {
    Application a = RowRaces.movable(h, job);
    Stage later = RowRaces.stageAfter(h, job, a, 2);
    EphemeralCard form = moveForm(MANAGER, a);
    h.sandbox.faults().latency(RowRaces.TRANSFER, Duration.ofMillis(800));

    var advance = click(RECRUITER, value("advance", a));
    var move = h.sandbox.events().cardAction(CardActionSpec.on(form.messageId()).by(MANAGER).tag("button")
        .value(ButtonValues.only(form.card().toString(), "move.confirm", a.id()))
        .formValue(new JsonObject().put("stage", later.id())));
    await(Future.join(advance, move));

    assertEquals(1, RowRaces.transfers(h, a), "one of the two changes is made");
    RowRaces.answeredInTime(advance.result(), move.result());
    oneActedOneOutOfDate(advance.result(), move.result());
  }

  @Test
  @DisplayName("Advance and Reject's confirm on the same row at once: Hire gets one write, not a move and a rejection")
  void advanceAndRejectAtOnce() {
    Application a = RowRaces.movable(h, job);
    EphemeralCard form = rejectForm(MANAGER, a);
    h.sandbox.faults().latency(RowRaces.TRANSFER, Duration.ofMillis(800));

    var advance = click(RECRUITER, value("advance", a));
    var reject = h.sandbox.events().cardAction(CardActionSpec.on(form.messageId()).by(MANAGER).tag("button")
        .value(ButtonValues.only(form.card().toString(), "reject.confirm", a.id()))
        .formValue(new JsonObject().put("reason", Rejections.reason(h).id())));
    await(Future.join(advance, reject));

    long writes = RowRaces.transfers(h, a) + RowRaces.terminates(h, a);
    assertEquals(1, writes, "one of the two changes is made");
    RowRaces.answeredInTime(advance.result(), reject.result());
    oneActedOneOutOfDate(advance.result(), reject.result());
  }

  @Test
  @DisplayName("Undo of an advance and Advance of the moved row, at once: one transfer after the first advance")
  void undoAndAdvanceAtOnce() {
    Application a = RowRaces.movable(h, job);
    PushResult first = await(click(RECRUITER, value("advance", a)));
    assertEquals("success", RowRaces.toastType(first), first.body());
    String shown = h.sandbox.im().message(card.messageId()).orElseThrow().currentContent().toString();
    JsonObject undo = ButtonValues.only(shown, "undo", a.id());
    JsonObject advanceAgain = ButtonValues.only(shown, "advance", a.id());
    h.sandbox.faults().latency(RowRaces.TRANSFER, Duration.ofMillis(800));

    var undone = click(RECRUITER, undo);
    var advanced = click(MANAGER, advanceAgain);
    await(Future.join(undone, advanced));

    assertEquals(2, RowRaces.transfers(h, a), "the first advance, then one of the two");
    RowRaces.answeredInTime(undone.result(), advanced.result());
    oneActedOneOutOfDate(undone.result(), advanced.result());
  }

  @Test
  @DisplayName("Undo clicked twice at once, by two people: one move back")
  void undoTwice() {
    Application a = RowRaces.movable(h, job);
    await(click(RECRUITER, value("advance", a)));
    String shown = h.sandbox.im().message(card.messageId()).orElseThrow().currentContent().toString();
    JsonObject undo = ButtonValues.only(shown, "undo", a.id());
    h.sandbox.faults().latency(RowRaces.TRANSFER, Duration.ofMillis(800));

    var one = click(RECRUITER, undo);
    var two = click(MANAGER, undo);
    await(Future.join(one, two));

    assertEquals(2, RowRaces.transfers(h, a), "the advance and one move back");
    assertEquals(a.stageId(), h.sandbox.hire().application(a.id()).orElseThrow().stageId());
    RowRaces.answeredInTime(one.result(), two.result());
  }

  @Test
  @DisplayName("two people click Advance on one row at once, while Hire is slow: one transfer, both see success")
  void twoPeopleAdvance() {
    Application a = RowRaces.movable(h, job);
    h.sandbox.faults().latency(RowRaces.TRANSFER, Duration.ofMillis(800));
    var one = click(RECRUITER, value("advance", a));
    var two = click(MANAGER, value("advance", a));
    await(Future.join(one, two));
    assertEquals(1, RowRaces.transfers(h, a));
    assertEquals("success", RowRaces.toastType(one.result()), one.result().body());
    assertEquals("success", RowRaces.toastType(two.result()), two.result().body());
  }

  /**
   * The click that wrote says so; the other is told the row changed (a warning), not that it acted. On a busy machine
   * a click waiting for its turn can outlast Feishu's callback budget and answer "Working on it…" (info) with its card
   * after; then the other answer must still be one of the two, and the caller's count of writes says the rest.
   */
  private static void oneActedOneOutOfDate(PushResult one, PushResult two) {
    List<String> toasts = List.of(RowRaces.toastType(one), RowRaces.toastType(two));
    String both = one.body() + "\n" + two.body();
    if (toasts.contains("info")) {
      assertTrue(toasts.stream().allMatch(t -> List.of("success", "warning", "info").contains(t)), both);
    } else {
      assertTrue(toasts.contains("success") && toasts.contains("warning"), both);
    }
  }

  private JsonObject value(String action, Application a) {
    return new JsonObject().put("action", action).put("application_id", a.id()).put("job_id", job.id())
        .put("talent_id", a.talentId()).put("stage_id", a.stageId()).put("page", 0).put("lang", "en_us");
  }

  private Future<PushResult> click(String who, JsonObject value) {
    return h.sandbox.events().cardAction(CardActionSpec.on(card.messageId()).by(who).tag("button").value(value));
  }

  private EphemeralCard moveForm(String who, Application a) {
    await(h.sandbox.events().cardAction(CardActionSpec.on(card.messageId()).by(who).tag("overflow").option("move")
        .value(value("more", a))));
    return formFor(who);
  }

  private EphemeralCard rejectForm(String who, Application a) {
    await(click(who, value("reject", a)));
    return formFor(who);
  }

  private EphemeralCard formFor(String who) {
    return h.sandbox.im().ephemeralCards().stream().filter(e -> e.openId().equals(who)).reduce((x, y) -> y)
        .orElseThrow(() -> new AssertionError("no form for " + who));
  }
}

package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.Faults;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.RecordedRequest;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Stage;
import io.hirebot.sandbox.hire.Talent;
import io.hirebot.schedule.MutableClock;
import io.hirebot.store.PendingNotices;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A rejection made through the bot fires no Hire event, so the bot notifies the chats that follow the job itself: when
 * Feishu's IM fails at that moment, the notice is kept and sent again later (with back-off, across restarts) until each
 * chat has it, once; a chat the bot left, or one IM keeps refusing, is given up on. A notice whose send went unanswered
 * (a stage change's too, sent again as its event is replayed) is completed with the same uuid, quiet hours or not;
 * one refused by Feishu's rate limit posted nothing, and its retry keeps the quiet hours.
 */
class UndeliveredNoticesTest {
  private static final String RECRUITER = DemoTenant.RECRUITER_LI;
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final String BACKEND = ImState.DEMO_BACKEND_CHAT;
  private static final String SEND = "/open-apis/im/v1/messages";
  /** Longer than every back-off: each step makes the notice due again, if it still is. */
  private static final Duration STEP = Duration.ofMinutes(20);

  private final MutableClock clock = MutableClock.atNow();
  @RegisterExtension
  final BotHarness h = BotHarness.start(Map.of("HIREBOT_PORT", "0"), clock);
  private Job job;

  @BeforeEach
  void start() {
    h.enableGroup(BACKEND);
    job = h.sandbox.hire().jobByCode("BE-001").orElseThrow();
    // The day's routine messages (interview reminders, task nudges, Friday's escalations: which ones depends on the
    // wall clock this test's clock starts at) go out now, while IM answers. Otherwise the tests' later routine runs
    // send them under the faults they set: under an IM rate limit each waits out its back-off in turn (on a Friday,
    // 20 of them took the run past the harness's 20 s), and the run times out.
    h.runRoutines(h.bot);
  }

  @Test
  @DisplayName("a rejection whose notice IM refused reaches the other following chat once IM is back, after a restart, "
      + "exactly once")
  void resentOnceImRecovers() {
    // GIVEN a rejection made on one group's card while Feishu's IM refused its notice to the other group
    rejectedWhileImFails("Pending Recovers");
    // AND the bot restarts, and IM comes back
    h.restartBot();
    h.sandbox.faults().clear();

    // THEN the next runs of the bot's routines deliver the notice to the group, once
    clock.advance(STEP);
    h.runRoutines(h.bot);
    await(h.sandbox.im().awaitMessage(m -> notifications(BACKEND, "Pending Recovers").size() >= 1, TIMEOUT));
    long tries = sendsTo(BACKEND, "Pending Recovers").size();
    for (int i = 0; i < 4; i++) {
      clock.advance(STEP);
      h.runRoutines(h.bot);
    }
    assertEquals(1, notifications(BACKEND, "Pending Recovers").size(), "the group has the rejection once");
    assertTrue(notifications(BACKEND, "Pending Recovers").get(0).currentContent().toString().contains(" rejected by "));
    assertEquals(tries, sendsTo(BACKEND, "Pending Recovers").size(), "nothing sent again once delivered");
    assertEquals(0, notifications(TEAM, "Pending Recovers").size(), "the group it was clicked in is not notified");
    assertEquals(0L, pendingRows(), "nothing left to send");
  }

  @Test
  @DisplayName("a rejection's notice to a chat the bot was taken out of is tried once more, refused, and then dropped")
  void chatLeft() {
    rejectedWhileImFails("Pending Chatleft");

    // WHEN the bot is taken out of the group (no event: the first sign is Feishu's 230002), and IM is back
    h.sandbox.im().removeChat(BACKEND);
    h.sandbox.faults().clear();
    for (int i = 0; i < 8; i++) {
      clock.advance(STEP);
      h.runRoutines(h.bot);
    }

    // THEN the notice was tried there once more at most, and is no longer kept
    assertTrue(sendsTo(BACKEND, "Pending Chatleft").size() <= 2, "not retried after the refusal");
    assertEquals(0L, pendingRows(), "the notice is dropped");
  }

  @Test
  @DisplayName("a rejection's notice IM keeps refusing is tried a bounded number of times, then given up")
  void givenUp() {
    rejectedWhileImFails("Pending Givenup");

    // Minute by minute, as the routine runs: every retry comes inside Feishu's uuid window of the first send.
    for (int i = 0; i < 45; i++) {
      clock.advance(Duration.ofMinutes(1));
      h.runRoutines(h.bot);
    }

    assertEquals(PendingNotices.MAX_ATTEMPTS, sendsTo(BACKEND, "Pending Givenup").size(),
        "one try and the retries, then no more");
    assertEquals(0L, pendingRows(), "the notice is given up");
  }

  @Test
  @DisplayName("a rejection whose notice IM refused, undone once IM is back: the other group's last word on the person "
      + "is the restore, not the rejection sent again after it")
  void undoneBeforeResent() {
    Rejected rejected = rejectedWhileImFails("Pending Undone");
    SentMessage list = rejected.list();
    Application a = rejected.application();
    // WHEN IM is back and the recruiter undoes the rejection on the team's card
    h.sandbox.faults().clear();
    String shown = h.sandbox.im().message(list.messageId()).orElseThrow().currentContent().toString();
    PushResult undone = await(h.sandbox.events().cardAction(CardActionSpec.on(list.messageId()).by(RECRUITER)
        .tag("button").value(ButtonValues.only(shown, "undo", a.id()))));
    assertEquals("success", toastType(undone), undone.body());
    assertTrue(h.sandbox.hire().application(a.id()).orElseThrow().active());
    await(h.sandbox.im().awaitMessage(m -> notifications(BACKEND, "Pending Undone").size() >= 1, TIMEOUT));

    // AND the routine runs on, past every back-off
    for (int i = 0; i < 40; i++) {
      clock.advance(Duration.ofMinutes(1));
      h.runRoutines(h.bot);
    }

    // THEN the group was told of the restore, and nothing after it says the person is rejected
    List<SentMessage> told = notifications(BACKEND, "Pending Undone");
    String last = told.get(told.size() - 1).currentContent().toString();
    assertTrue(last.contains(" restored by "), "the last notice is the restore: " + last);
    assertEquals(0L, pendingRows(), "nothing left to send");
  }

  @Test
  @DisplayName("a rejection's notice that reached the group but whose answer was lost, retried once the group's quiet "
      + "hours began, is completed with its uuid: the group sees it once, not again in the quiet-hours batch")
  void unansweredThenQuiet() {
    // GIVEN a group whose quiet hours begin in a few minutes
    quietSoon(BACKEND);
    // AND a rejection whose notice Feishu posted there, its answer lost: the bot's call timed out
    rejectedUnanswered("Pending Unanswered");

    // WHEN IM answers again and the notice's retry comes in the quiet hours, which then end with their batch
    h.sandbox.faults().clear();
    clock.advance(Duration.ofMinutes(10));
    h.runRoutines(h.bot);
    quietHoursEnd();

    // THEN the group has the rejection once
    assertEquals(1, notifications(BACKEND, "Pending Unanswered").size(), "the rejection once, not again in a batch");
    assertEquals(0L, pendingRows(), "nothing left to send");
  }

  @Test
  @DisplayName("a stage change's notification that reached the group but whose answer was lost, sent again as its "
      + "event is replayed in the group's quiet hours, is completed with its uuid: the group sees it once")
  void stageChangeUnansweredThenQuiet() {
    // GIVEN a group following BE-001's stage changes (only: the person's new application is not counted) whose quiet
    // hours begin in a few minutes
    follow(BACKEND, " to stage");
    quietSoon(BACKEND);
    Application a = newCandidate("Pending Moved");
    // WHEN Hire moves the person while Feishu posts the notification but its answer is lost: the event fails
    h.sandbox.faults().answerLost(SEND);
    h.sandbox.hire().moveApplication(a.id(), h.sandbox.hire().stagesOf(job.id()).get(1).id());
    await(h.sandbox.im().awaitMessage(m -> notifications(BACKEND, "Pending Moved").size() >= 1, TIMEOUT));
    awaitUnansweredSend();
    awaitCounter("hirebot.events.failed");

    // AND IM answers again, the event is replayed in the quiet hours, and the hours end with their batch
    h.sandbox.faults().clear();
    clock.advance(Duration.ofMinutes(10));
    h.runRoutines(h.bot);
    awaitTakenUp(BACKEND, "Pending Moved");
    quietHoursEnd();

    // THEN the group has the notification once
    assertEquals(1, notifications(BACKEND, "Pending Moved").size(), "the move once, not again in a batch");
  }

  @Test
  @DisplayName("a rejection's notice refused by Feishu's rate limit just before the group's quiet hours (nothing was "
      + "posted), retried in them, is held for their batch: nothing reaches the group while it is quiet")
  void rateLimitedThenQuiet() {
    // GIVEN a group whose quiet hours begin in a few minutes
    quietSoon(BACKEND);
    // AND a rejection whose notice Feishu's gateway refuses with its rate limit (HTTP 429, 99991400): never posted
    rejectedWhile("Pending Limited", f -> f.rateLimitAlways(SEND, 5, 1));
    // (refused at each of the call's attempts, then its path forgotten: the try is over)
    awaitTrue("the first try refused", () -> refusedSends(BACKEND, "Pending Limited") >= 3
        && pathRows(BACKEND) == 0);
    assertEquals(0, notifications(BACKEND, "Pending Limited").size(), "the refused send posted nothing");

    // WHEN IM takes messages again and the notice's retry comes in the quiet hours
    h.sandbox.faults().clear();
    clock.advance(Duration.ofMinutes(10));
    h.runRoutines(h.bot);
    awaitTrue("the notice held", () -> pendingRows() == 0);

    // THEN the group gets nothing while it is quiet
    assertEquals(0, notifications(BACKEND, "Pending Limited").size(), "nothing sent in the quiet hours");
    // AND once the hours end, the rejection once, in their batch
    quietHoursEnd();
    assertEquals(1, notifications(BACKEND, "Pending Limited").size(), "the rejection once, in the batch");
    assertEquals(0L, pendingRows(), "nothing left to send");
  }

  @Test
  @DisplayName("a notice that reached the group unanswered, whose retry in the quiet hours is then refused by the rate "
      + "limit, is still completed with its uuid, not moved into the batch: the group sees it once")
  void unansweredThenRateLimitedInQuiet() {
    // GIVEN a group whose quiet hours begin in a few minutes, and a rejection whose notice Feishu posted there, its
    // answer lost
    quietSoon(BACKEND);
    rejectedUnanswered("Pending Twice");
    awaitFirstRetryScheduled(BACKEND);

    // WHEN its retry comes in the quiet hours and Feishu's rate limit refuses it (each of the call's attempts)
    h.sandbox.faults().clear();
    h.sandbox.faults().rateLimitAlways(SEND, 5, 1);
    clock.advance(Duration.ofMinutes(10));
    h.runRoutines(h.bot);
    awaitTrue("the retry refused", () -> refusedSends(BACKEND, "Pending Twice") >= 3);
    // (its path, were it forgotten, would be gone within moments: kept, it stays)
    long settled = System.nanoTime() + Duration.ofMillis(500).toNanos();
    awaitTrue("the refusal handled", () -> pathRows(BACKEND) == 0 || System.nanoTime() > settled);
    // AND the next retry, still in the quiet hours, finds IM taking messages again, and the hours end with their batch
    h.sandbox.faults().clear();
    clock.advance(Duration.ofMinutes(10));
    h.runRoutines(h.bot);
    awaitTakenUp(BACKEND, "Pending Twice");
    quietHoursEnd();

    // THEN the group has the rejection once: the retry went out under the first send's uuid, never into the batch
    assertEquals(1, notifications(BACKEND, "Pending Twice").size(), "the rejection once, not again in a batch");
    assertEquals(0L, pendingRows(), "nothing left to send");
  }

  /**
   * A rejection (see {@link #rejectedWhile}) whose notice Feishu posted in the backend group without answering the
   * bot's call, which timed out.
   */
  private void rejectedUnanswered(String name) {
    rejectedWhile(name, f -> f.answerLost(SEND));
    await(h.sandbox.im().awaitMessage(m -> notifications(BACKEND, name).size() >= 1, TIMEOUT));
    awaitUnansweredSend();
  }

  /** Past the end of the quiet hours {@link #quietSoon} set, the routines run: the batch goes out, retries too. */
  private void quietHoursEnd() {
    clock.advance(Duration.ofHours(2));
    h.runRoutines(h.bot);
    h.runRoutines(h.bot);
  }

  /** Quiet hours for the chat from a few minutes ahead of the clock, for an hour, in Shanghai (the default zone). */
  private void quietSoon(String chat) {
    DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Asia/Shanghai"));
    String hours = hhmm.format(clock.instant().plus(Duration.ofMinutes(5))) + "-"
        + hhmm.format(clock.instant().plus(Duration.ofMinutes(65)));
    assertTrue(DigestTest.say(h, chat, "quiet " + hours).contains("Quiet hours set"), hours);
  }

  /** Waits until the bot's call that sent a message gave up unanswered (the SDK's call timeout). */
  private void awaitUnansweredSend() {
    awaitTrue("a send given up", () -> h.registry.find("hirebot.feishu.calls").tag("operation", "im.message.create")
        .counters().stream().filter(c -> !"ok".equals(c.getId().getTag("outcome"))).mapToDouble(c -> c.count())
        .sum() > 0);
  }

  /**
   * Waits until the chat's notice, its first try failed, is due again after the first back-off: until then the try
   * holds it for a lease (longer: {@link PendingNotices#LEASE}), and a retry asked for sooner would find it taken.
   */
  private void awaitFirstRetryScheduled(String chat) {
    awaitTrue("the first try's failure recorded", () -> h.inDatabase(c -> {
      try (var q = c.prepareStatement("SELECT COUNT(*) FROM pending_notices WHERE chat_id = ? AND next_at <= ?")) {
        q.setString(1, chat);
        q.setLong(2, clock.millis() + PendingNotices.FIRST_BACKOFF.toMillis());
        try (var r = q.executeQuery()) {
          r.next();
          return r.getLong(1) > 0;
        }
      }
    }));
  }

  /** Sends to the chat of the notice naming {@code name} that Feishu refused with its rate limit (HTTP 429). */
  private long refusedSends(String chat, String name) {
    return sendsTo(chat, name).stream().filter(r -> r.status() == 429).count();
  }

  /** The chat's rows of notification_paths: each notification's path there, which its retries keep. */
  private long pathRows(String chat) {
    return h.inDatabase(c -> {
      try (var q = c.prepareStatement("SELECT COUNT(*) FROM notification_paths WHERE send_key LIKE ?")) {
        q.setString(1, "%:" + chat);
        try (var r = q.executeQuery()) {
          r.next();
          return r.getLong(1);
        }
      }
    });
  }

  private void awaitCounter(String name) {
    awaitTrue(name, () -> h.registry.counter(name).count() > 0);
  }

  /** Waits until the bot took the notice up again in the chat: sent it (and Feishu answered), or held it. */
  private void awaitTakenUp(String chat, String name) {
    awaitTrue("the notice sent again or held", () -> sendsTo(chat, name).stream()
        .anyMatch(r -> r.status() == 200 && r.responseBody() != null)
        || h.<Long>inDatabase(c -> {
          try (var q = c.prepareStatement("SELECT COUNT(*) FROM held_notifications WHERE chat_id = ?")) {
            q.setString(1, chat);
            try (var r = q.executeQuery()) {
              r.next();
              return r.getLong(1);
            }
          }
        }) > 0);
  }

  private static void awaitTrue(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not seen within " + TIMEOUT + ": " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(what, e);
      }
    }
  }

  private Rejected rejectedWhileImFails(String name) {
    return rejectedWhile(name, f -> f.failAlways("POST", SEND, 500, 1, "internal error"));
  }

  /**
   * Both groups follow BE-001; with every new IM message failing as {@code imFault} makes it (a 5xx unless said), the
   * recruiter rejects a new candidate named {@code name} on the team's list: Hire takes it, and its notice to the
   * backend group is tried.
   *
   * @return the person's application, and the team's list the rejection was made on
   */
  private Rejected rejectedWhile(String name, Consumer<Faults> imFault) {
    Application a = newCandidate(name);
    follow(TEAM);
    follow(BACKEND);
    SentMessage list = h.ask(group(TEAM).text("candidates for BE-001"));
    imFault.accept(h.sandbox.faults());
    PushResult rejected = Rejections.fromRow(h, list, a.id(), RECRUITER);
    assertEquals("success", toastType(rejected), rejected.body());
    assertFalse(h.sandbox.hire().application(a.id()).orElseThrow().active());
    await(h.sandbox.requests().await(r -> isSendTo(r, BACKEND, name), TIMEOUT));
    return new Rejected(a, list);
  }

  private record Rejected(Application application, SentMessage list) {}

  private static MessageSpec group(String chat) {
    return MessageSpec.group(chat).from(RECRUITER).mentioningBot();
  }

  /** A candidate of BE-001 in its first stage, with a name no other card or notification carries. */
  private Application newCandidate(String name) {
    List<Stage> stages = h.sandbox.hire().stagesOf(job.id());
    Talent t = h.sandbox.hire().addTalent(name, null, null);
    return h.sandbox.hire().addApplication(job.id(), t.id(), stages.get(0).id());
  }

  private void follow(String chat) {
    follow(chat, "");
  }

  /** @param kinds the kinds of change followed, as the command words them ("" for all) */
  private void follow(String chat, String kinds) {
    SentMessage answer = h.ask(group(chat).text("subscribe job BE-001" + kinds));
    assertTrue(answer.currentContent().toString().contains("Backend Engineer"), chat + ": " + answer.currentContent());
  }

  private static String toastType(PushResult r) {
    return r.jsonBody().getJsonObject("toast", new JsonObject()).getString("type", "");
  }

  private static boolean isSendTo(RecordedRequest r, String chat, String name) {
    return r.is("POST", SEND) && chat.equals(r.jsonBody().getString("receive_id"))
        && r.jsonBody().encode().contains(name);
  }

  /** Every message the bot tried to send into the chat naming the person, refused or not. */
  private List<RecordedRequest> sendsTo(String chat, String name) {
    return h.sandbox.requests().matching("POST", SEND).stream().filter(r -> isSendTo(r, chat, name)).toList();
  }

  /** The notifications in the chat naming the person: the cards the bot sent there on its own, not as an answer. */
  private List<SentMessage> notifications(String chat, String name) {
    return h.sandbox.im().inChat(chat).stream()
        .filter(m -> m.parentId() == null && "interactive".equals(m.msgType())
            && m.currentContent().toString().contains(name))
        .toList();
  }

  /** Notices the bot still has to deliver (0 where it keeps none). */
  private long pendingRows() {
    return h.inDatabase(c -> {
      try (var meta = c.getMetaData().getTables(null, null, "PENDING_NOTICES", null)) {
        if (!meta.next()) {
          return 0L;
        }
      }
      try (var q = c.prepareStatement("SELECT COUNT(*) FROM pending_notices"); var r = q.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    });
  }
}

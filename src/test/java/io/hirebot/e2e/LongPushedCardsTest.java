package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static io.hirebot.e2e.LongHireTexts.LONG_INTERVIEWER;
import static io.hirebot.e2e.LongHireTexts.MANAGER;
import static io.hirebot.e2e.LongHireTexts.awaitIn;
import static io.hirebot.e2e.LongHireTexts.awaitTo;
import static io.hirebot.e2e.LongHireTexts.check;
import static io.hirebot.e2e.LongHireTexts.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Stage;
import io.hirebot.schedule.MutableClock;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The long Hire texts of {@link LongHireTexts} on the cards the bot sends on its own: the quiet-hours batch, interview
 * reminders, feedback nudges and their escalation, the daily task nudge and the weekly escalation, the new-applications
 * card, the welcome card, and the living cards' refreshes. Each arrives (a card over Feishu's limits is not sent at
 * all) within the limits, and never as an internal error. One bot for the class; its clock is moved, never waited on.
 * The tests that move candidates run last: each move's living-card refreshes meet Feishu's edit rate, and a refresh
 * still retrying when the clock jumps a day is replayed by the next routines, which then wait on it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LongPushedCardsTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  /** A chat following every LT job with quiet hours around the moves of {@link #quietBatch}. */
  private static final String QUIET = ImState.DEMO_BACKEND_CHAT;
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  /** Interviewers whose names Hire gives at 2,000 characters. */
  private static final String[] LONG_NAMED = {LONG_INTERVIEWER, MANAGER + 0, MANAGER + 1, MANAGER + 2, MANAGER + 3};
  /**
   * Saturday 00:15 Shanghai (this week's, or last week's): the routines' days then run Saturday to Sunday whenever the
   * class runs. Started at the wall clock on a working day (faketime, Monday 08:30), the day's nudges and reminders on
   * its many long-texted interviews outlasted runRoutines' 20 s in three tests.
   */
  private static final MutableClock clock = MutableClock.at(java.time.LocalDate.now(DemoTenant.DEFAULT_ZONE)
      .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.SATURDAY)).atTime(0, 15)
      .atZone(DemoTenant.DEFAULT_ZONE).toInstant());
  @RegisterExtension
  static final BotHarness h = BotHarness.start(Map.of("HIREBOT_PORT", "0"), clock);
  private static LongHireTexts.Seeded seeded;
  private static SentMessage candidates;
  private static SentMessage profile;

  @BeforeAll
  static void start() {
    seeded = LongHireTexts.seed(h);
    LongHireTexts.followAll(h, TEAM, "subscribe job %s");
    // Chinese subscriptions: the quiet-hours batch is written in Chinese first, its longest language in bytes.
    LongHireTexts.followAll(h, QUIET, "订阅 %s");
    candidates = LongHireTexts.ask(h, MessageSpec.group(TEAM).from(DemoTenant.RECRUITER_LI).mentioningBot()
        .text("candidates for job LT-001"));
    profile = LongHireTexts.ask(h, MessageSpec.p2p(DemoTenant.ADMIN_ZHOU).text("candidate Lena Long"));
  }

  @Test
  @Order(5)
  @DisplayName("new applications to 6 long Chinese-titled jobs in two polls and 6 moves into long-named stages, held "
      + "in quiet hours, arrive as one batch card within limits when the window ends")
  void quietBatch() {
    DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
    String window = hhmm.format(clock.instant().minus(Duration.ofHours(1)).atZone(SHANGHAI)) + "-"
        + hhmm.format(clock.instant().plus(Duration.ofHours(1)).atZone(SHANGHAI));
    assertTrue(LongHireTexts.ask(h, LongHireTexts.inChat(QUIET, "quiet " + window)).currentContent().toString()
        .contains("Quiet hours set"));
    int before = held(QUIET);
    var hire = h.sandbox.hire();
    List<Stage> stages = seeded.stages();
    // Overnight, ten people with Chinese names applied to each Chinese-titled job, twice between two polls: twelve
    // new-applications notifications, each as long as a held summary may be, in Chinese.
    List<Job> chinese = seeded.jobs().stream().filter(j -> j.title().startsWith("长标题")).toList();
    for (int poll = 0; poll < 2; poll++) {
      for (Job job : chinese) {
        for (int n = 0; n < 10; n++) {
          var t = hire.addTalent("欧阳" + "娜娜丽丽芳芳静静敏敏".charAt(n) + "一二".charAt(poll), null, null);
          hire.addApplication(job.id(), t.id(), stages.get(n % 7).id());
        }
      }
      h.runRoutines(h.bot);
    }
    awaitHeld(QUIET, before + 2 * chinese.size());
    // Then six of LT-001's candidates moved into long-named stages.
    int moves = 2 * chinese.size();
    for (Application a : seeded.rows().subList(0, 6)) {
      hire.moveApplication(a.id(), otherStage(hire.application(a.id()).orElseThrow().stageId(), stages));
      moves++;
    }
    awaitHeld(QUIET, before + moves);
    clock.advance(Duration.ofHours(2));
    h.runRoutines(h.bot);
    SentMessage batch = awaitIn(h, QUIET, m -> m.parentId() == null && text(m).contains("免打扰期间"));
    checked(batch);
    // Some are listed, oldest first, and the rest counted.
    assertTrue(text(batch).contains("欧阳娜一") && text(batch).contains("还有 "), text(batch).substring(0, 3000));
  }

  @Test
  @Order(2)
  @DisplayName("an interview reminder, feedback nudges, the late feedback's escalation (five interviewers named at "
      + "2,000 characters), the task nudges and the week's escalation all arrive within limits")
  void remindersNudgesEscalations() {
    var hire = h.sandbox.hire();
    Application soon = seeded.rows().get(0);
    // The reminders read Hire's interviews once an hour (cached): the next hour's read sees the one added now.
    clock.advance(Duration.ofHours(1));
    hire.addInterview(soon.id(), clock.millis() + Duration.ofMinutes(20).toMillis(), LONG_NAMED);
    h.runRoutines(h.bot);
    String rowName = LongHireTexts.row(0);
    checked(awaitTo(h, LONG_INTERVIEWER, "面试即将开始", rowName));

    // Lena's LT-002 application: Zhang its only hiring manager, its interview's five long-named interviewers late.
    Application lena = lenas().stream()
        .filter(a -> a.jobId().equals(seeded.jobs().get(1).id())).findFirst().orElseThrow();
    hire.addInterview(lena.id(), clock.millis() - Duration.ofDays(3).toMillis(), LONG_NAMED);
    advanceTo(LocalTime.of(9, 30));
    clock.advance(Duration.ofDays(1));
    h.runRoutines(h.bot);
    checked(awaitTo(h, LONG_INTERVIEWER, "面试反馈尚未", "Lena Long"));
    checked(awaitTo(h, MANAGER + 3, "面试反馈尚未", "Lena Long"));
    SentMessage escalated = awaitTo(h, DemoTenant.HM_ZHANG, "已逾期", "Lena Long");
    checked(escalated);
    // It names each of the five, cut as every name on a card is (README: 100 characters).
    for (int m = 0; m < 4; m++) {
      assertTrue(text(escalated).contains("经理" + m + " "), text(escalated).substring(0, 1500));
    }
    checked(awaitTo(h, DemoTenant.HM_ZHANG, "飞书招聘中有事等你处理"));
    checked(awaitTo(h, DemoTenant.INTERVIEWER_LIU, "飞书招聘中有事等你处理"));
    checked(awaitTo(h, DemoTenant.HM_ZHANG, "团队待办逾期"));
    checked(awaitTo(h, MANAGER + 7, "团队待办逾期"));
    // And whatever else the routines sent privately (Liu's nudges on 30 interviews, …).
    h.sandbox.im().messages().stream().filter(m -> m.chatId().startsWith(ImState.p2pChatId("")))
        .forEach(LongPushedCardsTest::checked);
  }

  @Test
  @Order(3)
  @DisplayName("12 new applications to a long-titled job, in long-named stages, arrive as one card within limits")
  void newApplications() {
    var hire = h.sandbox.hire();
    List<Stage> stages = seeded.stages();
    for (int n = 0; n < 12; n++) {
      var t = hire.addTalent("Newton " + (char) ('A' + n) + "b", null, null);
      hire.addApplication(seeded.first().id(), t.id(), stages.get(n % 7).id());
    }
    h.runRoutines(h.bot);
    checked(awaitIn(h, TEAM, m -> m.parentId() == null && text(m).contains("New applications")
        && text(m).contains("Newton Ab")));
  }

  @Test
  @Order(1)
  @DisplayName("the welcome card of a group the bot joins arrives within limits")
  void welcome() {
    String chat = "oc_long_texts_welcome";
    PushResult added = await(h.sandbox.events().botAdded(chat, DemoTenant.ADMIN_ZHOU));
    assertEquals(200, added.status(), added.body());
    checked(awaitIn(h, chat, m -> true));
  }

  @Test
  @Order(4)
  @DisplayName("a list of a long-titled job's candidates and a profile of 12 long-titled applications are refreshed "
      + "in place within limits when a candidate moves")
  void livingCards() {
    h.awaitCardRecorded(candidates.messageId());
    h.awaitCardRecorded(profile.messageId());
    int listVersion = version(candidates);
    int profileVersion = version(profile);
    var hire = h.sandbox.hire();
    Application row = seeded.rows().get(2);
    hire.moveApplication(row.id(), otherStage(hire.application(row.id()).orElseThrow().stageId(), seeded.stages()));
    Application lena = seeded.lenaFirst();
    hire.moveApplication(lena.id(), otherStage(hire.application(lena.id()).orElseThrow().stageId(),
        seeded.stages()));
    checked(await(h.sandbox.im().awaitMessage(m -> m.messageId().equals(candidates.messageId())
        && m.version() > listVersion, TIMEOUT)));
    checked(await(h.sandbox.im().awaitMessage(m -> m.messageId().equals(profile.messageId())
        && m.version() > profileVersion, TIMEOUT)));
  }

  /** Lena Long's 12 applications, as Hire has them now. */
  private static List<Application> lenas() {
    String talent = seeded.lenaFirst().talentId();
    return h.sandbox.hire().read(d -> d.applications.values().stream().filter(a -> a.talentId().equals(talent))
        .toList());
  }

  private static int version(SentMessage m) {
    return h.sandbox.im().message(m.messageId()).orElseThrow().version();
  }

  /** The next stage of the process after {@code stageId}, short of the onboarded one (which would onboard). */
  private static String otherStage(String stageId, List<Stage> stages) {
    int at = 0;
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).id().equals(stageId)) {
        at = i;
      }
    }
    return stages.get((at + 1) % 7).id();
  }

  private static void checked(SentMessage m) {
    check(m.currentContent(), m.msgType());
  }

  /** Moves the clock to the next {@code time} in Shanghai (at least a minute ahead). */
  private static void advanceTo(LocalTime time) {
    ZonedDateTime now = clock.instant().atZone(SHANGHAI);
    ZonedDateTime next = now.toLocalDate().atTime(time).atZone(SHANGHAI);
    if (!next.isAfter(now.plusMinutes(1))) {
      next = next.plusDays(1);
    }
    clock.advance(Duration.between(now, next));
  }

  /** The notifications the bot holds for {@code chat}. */
  private static int held(String chat) {
    return h.inDatabase(c -> {
      try (var s = c.prepareStatement("SELECT COUNT(*) FROM held_notifications WHERE chat_id = ?")) {
        s.setString(1, chat);
        try (ResultSet r = s.executeQuery()) {
          r.next();
          return r.getInt(1);
        }
      }
    });
  }

  /** Waits until the bot holds {@code count} notifications for {@code chat}. */
  private static void awaitHeld(String chat, int count) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    int now;
    while ((now = held(chat)) < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(now + " of " + count + " notifications held for " + chat + " after " + TIMEOUT);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}

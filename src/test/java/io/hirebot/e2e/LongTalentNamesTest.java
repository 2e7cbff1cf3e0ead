package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static io.hirebot.e2e.LongHireTexts.awaitIn;
import static io.hirebot.e2e.LongHireTexts.awaitTo;
import static io.hirebot.e2e.LongHireTexts.text;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.HireUser;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Stage;
import io.hirebot.schedule.MutableClock;
import java.time.Duration;
import java.time.ZoneId;
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
 * Talents whose names Hire gives at 2,000 characters (Hire sets no limit), one Latin with an emoji as its 99th
 * character and one Chinese, on every card the bot sends on its own (new applications, a stage change, the living
 * candidates list and profile, the quiet-hours batch, the digest, an interview reminder, a feedback nudge and its escalation, the
 * task nudge and the team's escalation) and on "my tasks": each names them as every card names what Hire supplies,
 * their first 100 characters with "…" (the emoji whole), and is valid. One bot for the class; its clock is moved, never
 * waited on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LongTalentNamesTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  /** A chat following the job with quiet hours around its first news. */
  private static final String QUIET = ImState.DEMO_BACKEND_CHAT;
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  /** The job's only hiring manager and its interviewer: their nudges and escalations are about it alone. */
  private static final String MANAGER = "ou_hm_long_names";
  private static final String INTERVIEWER = "ou_iv_long_names";
  /** 98 characters, then an emoji (two chars in Java) as the 99th: a cut at 100 keeps it whole before the "…". */
  private static final String EMOJI = "Zebulon " + "e".repeat(90) + "😀" + "x".repeat(1_900);
  private static final String EMOJI_SHOWN = "Zebulon " + "e".repeat(90) + "😀…";
  private static final String CHINESE = "司马" + "长名字测试".repeat(420);
  private static final String CHINESE_SHOWN = CHINESE.substring(0, 99) + "…";
  private static final MutableClock clock = MutableClock.atWorkdayAfternoon(DemoTenant.DEFAULT_ZONE);
  @RegisterExtension
  static final BotHarness h = BotHarness.start(Map.of("HIREBOT_PORT", "0"), clock);
  private static Job job;
  private static Application emoji;
  private static Application chinese;

  @BeforeAll
  static void start() {
    var hire = h.sandbox.hire();
    hire.write(d -> {
      d.users.put(MANAGER, new HireUser(MANAGER, "长名经理", "Long Names Manager"));
      d.users.put(INTERVIEWER, new HireUser(INTERVIEWER, "长名面试官", "Long Names Interviewer"));
    });
    Job backend = hire.jobByCode("BE-001").orElseThrow();
    job = hire.addJob("Name Cut Engineer", "NC-001", backend.processId(), DemoTenant.RECRUITER_LI, MANAGER);
    h.enableGroup(TEAM);
    LongHireTexts.ask(h, LongHireTexts.inChat(TEAM, "subscribe job NC-001"));
    h.enableGroup(QUIET);
    LongHireTexts.ask(h, LongHireTexts.inChat(QUIET, "订阅 NC-001"));
    DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
    String window = hhmm.format(clock.instant().minus(Duration.ofHours(1)).atZone(SHANGHAI)) + "-"
        + hhmm.format(clock.instant().plus(Duration.ofHours(1)).atZone(SHANGHAI));
    assertTrue(text(LongHireTexts.ask(h, LongHireTexts.inChat(QUIET, "quiet " + window))).contains("Quiet hours set"));
    String digestAt = hhmm.format(clock.instant().plus(Duration.ofHours(3)).atZone(SHANGHAI));
    assertTrue(text(LongHireTexts.ask(h, LongHireTexts.inChat(TEAM, "digest daily " + digestAt + " job NC-001")))
        .contains("Digest set"));
  }

  @Test
  @Order(1)
  @DisplayName("new applications: the card names both, cut, and the quiet chat holds it")
  void newApplications() {
    var hire = h.sandbox.hire();
    String first = hire.stagesOf(job.id()).get(0).id();
    emoji = hire.addApplication(job.id(), hire.addTalent(EMOJI, "13900000001", "zeb@example.com").id(), first);
    chinese = hire.addApplication(job.id(), hire.addTalent(CHINESE, "13900000002", "sima@example.com").id(), first);
    h.runRoutines(h.bot);
    cut(awaitIn(h, TEAM, m -> m.parentId() == null && text(m).contains("New applications")
        && text(m).contains("Name Cut Engineer")), EMOJI, CHINESE);
  }

  @Test
  @Order(2)
  @DisplayName("a move in Hire: the stage-change card, the living candidates list and profile name the mover, cut")
  void stageChangeAndLivingList() {
    SentMessage candidates = LongHireTexts.ask(h, LongHireTexts.inChat(TEAM, "candidates for job NC-001"));
    cut(candidates, EMOJI, CHINESE);
    SentMessage profile = LongHireTexts.ask(h, MessageSpec.p2p(DemoTenant.ADMIN_ZHOU).text("candidate Zebulon"));
    cut(profile, EMOJI);
    h.awaitCardRecorded(candidates.messageId());
    h.awaitCardRecorded(profile.messageId());
    int listVersion = h.sandbox.im().message(candidates.messageId()).orElseThrow().version();
    int profileVersion = h.sandbox.im().message(profile.messageId()).orElseThrow().version();
    List<Stage> stages = h.sandbox.hire().stagesOf(job.id());
    h.sandbox.hire().moveApplication(emoji.id(), stages.get(1).id());
    cut(awaitIn(h, TEAM, m -> m.parentId() == null && text(m).contains("Stage change")
        && text(m).contains("Zebulon")), EMOJI);
    cut(await(h.sandbox.im().awaitMessage(m -> m.messageId().equals(candidates.messageId())
        && m.version() > listVersion, TIMEOUT)), EMOJI, CHINESE);
    cut(await(h.sandbox.im().awaitMessage(m -> m.messageId().equals(profile.messageId())
        && m.version() > profileVersion, TIMEOUT)), EMOJI);
  }

  @Test
  @Order(3)
  @DisplayName("the quiet-hours batch lists what was held, each name cut")
  void quietBatch() {
    clock.advance(Duration.ofHours(2));
    h.runRoutines(h.bot);
    cut(awaitIn(h, QUIET, m -> m.parentId() == null && text(m).contains("免打扰期间")), EMOJI, CHINESE);
  }

  @Test
  @Order(4)
  @DisplayName("the scheduled digest names the new applicants, cut")
  void digest() {
    clock.advance(Duration.ofHours(1).plusMinutes(5));
    h.runRoutines(h.bot);
    h.runRoutines(h.bot);
    cut(awaitIn(h, TEAM, m -> m.parentId() == null && text(m).contains("Hiring digest")
        && text(m).contains("Name Cut Engineer")), EMOJI, CHINESE);
  }

  @Test
  @Order(5)
  @DisplayName("an interview reminder, a feedback nudge, its escalation, the task nudge, the team's escalation and "
      + "'my tasks' name the candidate, cut")
  void remindersNudgesTasks() {
    var hire = h.sandbox.hire();
    // The reminders read Hire's interviews once an hour (cached): the next hour's read sees the ones added now.
    clock.advance(Duration.ofHours(1));
    hire.addInterview(emoji.id(), clock.millis() + Duration.ofMinutes(20).toMillis(), INTERVIEWER);
    hire.addInterview(chinese.id(), clock.millis() - Duration.ofDays(4).toMillis(), INTERVIEWER);
    // Everyone's tasks are read once a minute (of the wall clock): a new bot reads them again.
    h.restartBot();
    h.runRoutines(h.bot);
    cut(awaitTo(h, INTERVIEWER, "面试即将开始"), EMOJI);
    cut(awaitTo(h, INTERVIEWER, "面试反馈尚未", "司马"), CHINESE);
    cut(awaitTo(h, MANAGER, "已逾期", "司马"), CHINESE);
    cut(awaitTo(h, INTERVIEWER, "飞书招聘中有事等你处理"), CHINESE);
    cut(awaitTo(h, MANAGER, "团队待办逾期"), CHINESE);
    cut(h.ask(MessageSpec.p2p(INTERVIEWER).text("my tasks")), CHINESE);
  }

  /**
   * The message is valid (within Feishu's limits, no error) and each name shows as its first 100 characters and "…",
   * never longer, wherever it is text (a button's callback value carries the whole name, for the profile's search).
   */
  private static void cut(SentMessage m, String... names) {
    LongHireTexts.check(m.currentContent(), m.msgType());
    String shown = LongHireTexts.shown(m.currentContent());
    for (String name : names) {
      String expected = name.equals(EMOJI) ? EMOJI_SHOWN : CHINESE_SHOWN;
      String longer = name.substring(0, name.offsetByCodePoints(0, 100));
      assertTrue(shown.contains(expected), () -> "not cut at 100 characters: " + around(shown, name.substring(0, 8)));
      assertFalse(shown.contains(longer), () -> "shown past 100 characters: " + around(shown, longer));
    }
  }

  /** {@code text} from 300 characters before {@code part} (or its start) to 300 after. */
  private static String around(String text, String part) {
    int at = Math.max(0, text.indexOf(part));
    return text.substring(Math.max(0, at - 300), Math.min(text.length(), at + part.length() + 300));
  }

}

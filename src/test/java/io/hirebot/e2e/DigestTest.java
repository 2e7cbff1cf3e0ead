package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.CardLimits;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.RecordedRequest;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Talent;
import io.hirebot.schedule.MutableClock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Scheduled digests, driven by moving the bot's (and the sandbox's) clock, never by waiting. */
class DigestTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final String ALICE = "ou_user_alice";
  private final MutableClock clock = MutableClock.atWorkdayAfternoon(io.hirebot.sandbox.hire.DemoTenant.DEFAULT_ZONE);
  @RegisterExtension
  final BotHarness h = BotHarness.start(Map.of("HIREBOT_PORT", "0"), clock);

  static String say(BotHarness h, String chat, String text) {
    PushResult push = await(h.sandbox.events().message(MessageSpec.group(chat).from(ALICE).mentioningBot().text(text)));
    assertEquals(200, push.status(), push.body());
    return await(h.sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId()), TIMEOUT))
        .currentContent().toString();
  }

  /** "digest daily HH:MM job X" for a local time {@code ahead} of the clock, in Shanghai. */
  static String scheduleAhead(BotHarness h, MutableClock clock, String chat, Duration ahead, String jobCode) {
    String time = DateTimeFormatter.ofPattern("HH:mm").format(clock.instant().plus(ahead).atZone(SHANGHAI));
    return say(h, chat, "digest daily " + time + " job " + jobCode);
  }

  static String scheduleAhead(BotHarness h, MutableClock clock, String chat, Duration ahead) {
    return scheduleAhead(h, clock, chat, ahead, "BE-001");
  }

  /** A new application to BE-001 by a new talent, so the next digest has news; returns the talent's name. */
  static String newApplicant(BotHarness h, String name) {
    Job job = h.sandbox.hire().jobByCode("BE-001").orElseThrow();
    Talent t = h.sandbox.hire().addTalent(name, "13800000000", name.replace(' ', '.') + "@example.com");
    h.sandbox.hire().addApplication(job.id(), t.id(), h.sandbox.hire().stagesOf(job.id()).get(0).id());
    return name;
  }

  /**
   * Every IM send to {@code chat} that Feishu accepted and whose body mentions {@code text}. Sends with the
   * same uuid count each time: Feishu would drop them, but the bot should not make them. A call refused (an
   * expired token after the clock jumped, say) and retried counts once.
   */
  static List<RecordedRequest> sendsTo(BotHarness h, String chat, String text) {
    return h.sandbox.requests().matching("POST", "/open-apis/im/v1/messages").stream()
        .filter(r -> r.status() == 200 && r.jsonResponse().getInteger("code", -1) == 0)
        .filter(r -> chat.equals(r.jsonBody().getString("receive_id")) && r.jsonBody().encode().contains(text))
        .toList();
  }

  @Test
  @DisplayName("a daily digest is sent once when its slot passes, with the period's new applicants")
  void oncePerSlot() {
    String team = ImState.DEMO_TEAM_CHAT;
    assertTrue(scheduleAhead(h, clock, team, Duration.ofMinutes(2)).contains("Digest set"));
    String name = newApplicant(h, "Digest Newcomer");

    h.runRoutines(h.bot);
    assertEquals(0, sendsTo(h, team, name).size(), "slot not reached yet");

    clock.advance(Duration.ofMinutes(3));
    h.runRoutines(h.bot);
    h.runRoutines(h.bot);
    SentMessage digest = await(h.sandbox.im().awaitMessage(m -> team.equals(m.chatId()) && m.parentId() == null
        && m.currentContent().toString().contains(name), TIMEOUT));
    String card = digest.currentContent().toString();
    assertTrue(card.contains("Hiring digest") && card.contains("Backend Engineer"), card);
    assertEquals(List.of(), CardLimits.violations((ObjectNode) digest.currentContent(), card));
    assertEquals(1, sendsTo(h, team, name).size());
  }

  @Test
  @DisplayName("a slot missed while the bot was down is sent once on start if under 6 h late, skipped if later")
  void catchUp() {
    String team = ImState.DEMO_TEAM_CHAT;
    scheduleAhead(h, clock, team, Duration.ofMinutes(2));
    await(h.bot.stop());
    String name = newApplicant(h, "Late Digest Reader");

    clock.advance(Duration.ofHours(3));
    h.replaceBot();
    await(h.sandbox.im().awaitMessage(m -> team.equals(m.chatId()) && m.parentId() == null
        && m.currentContent().toString().contains(name), TIMEOUT));
    h.runRoutines(h.bot);
    assertEquals(1, sendsTo(h, team, name).size());

    // The next day's slot, missed by 7 hours: too late, not sent.
    String later = newApplicant(h, "Too Late Reader");
    await(h.bot.stop());
    clock.advance(Duration.ofHours(21 + 7));
    h.replaceBot();
    h.runRoutines(h.bot);
    assertEquals(0, sendsTo(h, team, later).size());
  }

  @Test
  @DisplayName("pending offers in a digest carry each offer's real status, read from Hire's offers")
  void pendingOffersWithStatus() {
    // GIVEN a job followed by the chat, with one candidate whose offer is in approval and one whose offer was sent
    var hire = h.sandbox.hire();
    Job ds = hire.jobByCode("DS-001").orElseThrow();
    Job job = hire.addJob("Offer Digest Engineer", "OD-001", ds.processId(), DemoTenant.RECRUITER_LI, DemoTenant.HM_ZHANG);
    var offerStage = hire.stagesOf(job.id()).stream().filter(s -> s.type() == io.hirebot.sandbox.hire.Stage.OFFER)
        .findFirst().orElseThrow();
    Talent approving = hire.addTalent("Olga Approving", "13800000011", "olga@example.com");
    Talent sent = hire.addTalent("Sam Sent", "13800000012", "sam@example.com");
    hire.addOffer(hire.addApplication(job.id(), approving.id(), offerStage.id()).id(), 2);
    hire.addOffer(hire.addApplication(job.id(), sent.id(), offerStage.id()).id(), 6);
    String team = ImState.DEMO_TEAM_CHAT;
    say(h, team, "subscribe job OD-001");

    // WHEN the chat asks for its digest
    String digest = say(h, team, "digest now");

    // THEN the offer line names each candidate with their offer's status
    assertTrue(digest.contains("Offers pending (2)"), digest);
    assertTrue(digest.contains("Olga Approving (in approval)") && digest.contains("Sam Sent (sent)"), digest);
    // A group's digest, asked in English, reads in each member's client language: Chinese readers get Chinese.
    assertTrue(digest.contains("\"zh_cn\":") && digest.contains("📝 待处理 Offer（2）：Olga Approving（审批中）"), digest);
  }

  @Test
  @DisplayName("a quiet period is one line of text; digest now answers at once; digest off stops it")
  void quietNowAndOff() {
    String backend = ImState.DEMO_BACKEND_CHAT;
    h.enableGroup(backend);
    scheduleAhead(h, clock, backend, Duration.ofMinutes(2), "FE-001");
    clock.advance(Duration.ofMinutes(3));
    h.runRoutines(h.bot);
    SentMessage quiet = await(h.sandbox.im().awaitMessage(m -> backend.equals(m.chatId()) && m.parentId() == null
        && "text".equals(m.msgType()), TIMEOUT));
    assertTrue(quiet.currentContent().toString().contains("nothing new"), quiet.currentContent().toString());

    // No schedule in this chat: "digest now" covers its subscriptions over the last day.
    String team = ImState.DEMO_TEAM_CHAT;
    say(h, team, "subscribe job BE-001");
    String name = newApplicant(h, "Right Now");
    var backendJob = h.sandbox.hire().jobByCode("BE-001").orElseThrow();
    var interviewed = h.sandbox.hire().applicationsOfJob(backendJob.id()).stream()
        .filter(io.hirebot.sandbox.hire.Application::active).findFirst().orElseThrow();
    h.sandbox.hire().addInterview(interviewed.id(), clock.millis() + 60_000L, DemoTenant.INTERVIEWER_LIU);
    String digest = say(h, team, "digest now");
    assertTrue(digest.contains(name), digest);
    assertTrue(digest.contains("Interviews today") || digest.contains("今日面试"), digest);
    assertTrue(say(h, backend, "digest off").contains("turned off"));
    assertTrue(say(h, backend, "timezone Europe/Berlin").contains("Europe/Berlin"));
    assertTrue(say(h, backend, "digest weekly mon 09:00").contains("Europe/Berlin"));
  }

  @Test
  @DisplayName("an interview scheduled since the chat's last digest is in \"digest now\" and in the scheduled digest")
  void newInterviewShownAtOnce() {
    // GIVEN a chat that follows BE-001 and has just read its digest (the day's interviews were read then)
    String team = ImState.DEMO_TEAM_CHAT;
    say(h, team, "subscribe job BE-001");
    var hire = h.sandbox.hire();
    Job job = hire.jobByCode("BE-001").orElseThrow();
    Talent talent = hire.addTalent("Ivy Interviewed", "13800000021", "ivy@example.com");
    var application = hire.addApplication(job.id(), talent.id(), hire.stagesOf(job.id()).get(0).id());
    String before = say(h, team, "digest now");
    assertTrue(before.contains("Ivy Interviewed") && !before.contains("Ivy Interviewed 16:"), before);

    // WHEN someone schedules her an interview for later today, in the Hire UI (Hire fires no event for it)
    long at = clock.instant().atZone(SHANGHAI).withHour(16).withMinute(30).toInstant().toEpochMilli();
    hire.addInterview(application.id(), at, DemoTenant.INTERVIEWER_LIU);

    // THEN the digest asked for now lists it under today's interviews
    String now = say(h, team, "digest now");
    assertTrue(now.contains("Ivy Interviewed 16:30"), now);

    // AND so does the digest the chat then has scheduled
    scheduleAhead(h, clock, team, Duration.ofMinutes(2));
    clock.advance(Duration.ofMinutes(3));
    h.runRoutines(h.bot);
    SentMessage scheduled = await(h.sandbox.im().awaitMessage(m -> team.equals(m.chatId()) && m.parentId() == null
        && m.currentContent().toString().contains("Hiring digest"), TIMEOUT));
    assertTrue(scheduled.currentContent().toString().contains("Ivy Interviewed 16:30"),
        scheduled.currentContent().toString());
  }

  @Test
  @DisplayName("a second digest says which one it replaced, and \"subscriptions\" shows the chat's digest and how to stop it")
  void replacedAndListed() {
    String team = ImState.DEMO_TEAM_CHAT;
    String first = say(h, team, "digest daily 09:00 job BE-001");
    assertTrue(first.contains("Digest set") && !first.contains("replaces"), first);

    // WHEN the chat sets another digest
    String second = say(h, team, "digest weekly mon 18:00");
    // THEN the answer names the schedule it replaced
    assertTrue(second.contains("Digest set: every Monday at 18:00"), second);
    assertTrue(second.contains("It replaces the previous digest: every day at 09:00 (Asia/Shanghai) for "
        + "Backend Engineer (BE-001)"), second);

    // AND the chat's list shows the digest in force, with the command that stops it, in either language
    String list = say(h, team, "subscriptions");
    assertTrue(list.contains("**Digest** · every Monday at 18:00 (Asia/Shanghai) for this chat’s subscribed jobs")
        && list.contains("digest off"), list);
    assertTrue(list.contains("Following no job"), list);
    String zh = say(h, team, "订阅列表");
    assertTrue(zh.contains("**摘要** · 每星期一 18:00") && zh.contains("关闭摘要"), zh);

    // AND once it is off, the list no longer shows one
    say(h, team, "digest off");
    String after = say(h, team, "subscriptions");
    assertTrue(after.contains("**Digest** · none") && !after.contains("18:00"), after);
  }
}

package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.StageTime;
import io.hirebot.sandbox.hire.Talent;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.JobProcess;
import io.hirebot.sandbox.hire.Stage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Answers that are complete or say they are not (issue 11): a long date-filtered list says how much it read,
 * something the bot looks up but cannot find is named in words, never as a made-up Hire code, and a deletion
 * notice names the job even on a bot that never cached the application.
 */
class CompleteAnswersTest {
  private static final String STILL_READING = "this card shows the outcome when it comes";
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final AtomicInteger SENDERS = new AtomicInteger();
  /** More applications made in the last week than a date filter reads (PipelineReader.MAX_DATE_FILTERED). */
  private static final int RECENT = 130;
  private static final long HALF_HOUR = 1_800_000L;
  @RegisterExtension
  static final BotHarness h = BotHarness.start(Map.of("HIREBOT_PORT", "0"));

  @BeforeAll
  static void start() {
    // Seeded before any command, so no cached job list predates them.
    var hire = h.sandbox.hire();
    // A job whose process is gone from job_processes (removed in Hire after the job was made).
    JobProcess template = hire.processes().get(0);
    JobProcess orphan = hire.addProcess(new JobProcess("7199999999999999001", "临时流程", "Temporary process", 1,
        template.stages().stream().map(s -> new Stage("7199999999999" + s.id().substring(13), s.zhName(), s.enName(),
            s.type())).toList()));
    hire.addJob("Orphan Process Engineer", "OP-001", orphan.id(), DemoTenant.RECRUITER_LI, DemoTenant.HM_ZHANG);
    hire.write(d -> d.processes.remove(orphan.id()));
    // A job with 130 applications made over the last 65 hours, one every half hour, never touched since; Hire
    // lists them oldest first.
    Job busy = hire.addJob("Busy Engineer", "BU-001", template.id(), DemoTenant.RECRUITER_LI, DemoTenant.HM_ZHANG);
    String screening = hire.stagesOf(busy.id()).get(0).id();
    long now = System.currentTimeMillis();
    for (int k = RECENT - 1; k >= 0; k--) {
      Talent t = hire.addTalent("Busy Applicant " + k, "1370000" + (1000 + k), "busy" + k + "@example.com");
      Application fresh = hire.addApplication(busy.id(), t.id(), screening);
      long at = now - k * HALF_HOUR - 60_000L;
      hire.write(d -> d.applications.put(fresh.id(), new Application(fresh.id(), fresh.jobId(), fresh.talentId(),
          screening, Application.ACTIVE, at, at, List.of(new StageTime(screening, at, null)), null, List.of(), null,
          2, 10003, null)));
    }
  }

  private static String say(String text) {
    PushResult push = await(h.sandbox.events().message(MessageSpec.group(TEAM).from("ou_user_alice_" + SENDERS.incrementAndGet())
        .mentioningBot().text(text)));
    assertEquals(200, push.status(), push.body());
    // A long read can pass the command's 4 s deadline; the reply card then says so and is updated with the answer.
    SentMessage reply = await(h.sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId())
        && !m.currentContent().toString().contains(STILL_READING), TIMEOUT));
    return reply.currentContent().toString();
  }

  @Test
  @DisplayName("a job whose hiring process Hire no longer lists: 'not found' in words, no Hire error or invented code")
  void processMissing() {
    // GIVEN a job whose process is gone from job_processes (seeded above)
    // WHEN someone asks for its candidates
    String card = say("candidates for Orphan Process Engineer");

    // THEN the answer says what is missing, and shows no Hire error or code
    assertTrue(card.contains("Not found") && card.contains("hiring process of job Orphan Process Engineer"), card);
    assertFalse(card.contains("1002202") || card.contains("Feishu Hire did not answer"), card);
  }

  @Test
  @DisplayName("applied in the past week on a job with more recent applications than are read: the newest, and says so")
  void longDateFilteredList() {
    // WHEN someone asks for a busy job's candidates of the past 7 days (not "last week": that is the previous calendar
    // week, which the last 65 hours need not reach into)
    String card = say("candidates for Busy Engineer applied in the past week");

    // THEN the card says it checked only part of the list, of how many
    assertTrue(card.contains("most recently updated of " + RECENT + " candidates"), card);
    // AND what it shows are the newest applications, not the first ones Hire happens to list
    for (int k = 0; k < 8; k++) {
      assertTrue(card.contains("Busy Applicant " + k + "**"), "newest " + k + " in " + card);
    }
    assertFalse(card.contains("Busy Applicant " + (RECENT - 1) + "**"), card);
  }

  @Test
  @DisplayName("a deletion after a restart (empty cache) still reaches the subscribed chat, naming the job and the candidate")
  void deletionNamesJobAfterRestart() {
    // GIVEN a chat following BE-001 and a candidate of it the bot has shown once
    var hire = h.sandbox.hire();
    Job backend = hire.jobByCode("BE-001").orElseThrow();
    Talent talent = hire.addTalent("Dora Deleted", "13800000099", "dora@example.com");
    Application app = hire.addApplication(backend.id(), talent.id(), hire.stagesOf(backend.id()).get(0).id());
    assertTrue(say("subscribe job BE-001").contains("Backend Engineer"));
    assertTrue(say("candidate Dora Deleted").contains("Dora Deleted"));

    // WHEN the bot restarts (nothing cached) and the application is deleted in Hire
    h.restartBot();
    hire.deleteApplication(app.id());

    // THEN the chat is told, with the job's name and the candidate's
    SentMessage notice = await(h.sandbox.im().awaitMessage(m -> TEAM.equals(m.chatId()) && m.parentId() == null
        && m.currentContent().toString().contains("Application removed"), TIMEOUT));
    String text = notice.currentContent().toString();
    assertTrue(text.contains("Backend Engineer") && text.contains("Dora Deleted"), text);
  }
}

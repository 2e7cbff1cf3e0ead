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
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.JobProcess;
import io.hirebot.sandbox.hire.Stage;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the bot answers when something it looks up is not where it expected: words, never a made-up Hire code. */
class LookupMissTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final AtomicInteger SENDERS = new AtomicInteger();
  private static BotHarness h;

  @BeforeAll
  static void start() {
    h = BotHarness.start(Map.of("HIREBOT_PORT", "0"));
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static String say(String text) {
    PushResult push = await(h.sandbox.events().message(MessageSpec.group(TEAM).from("ou_user_alice_" + SENDERS.incrementAndGet())
        .mentioningBot().text(text)));
    assertEquals(200, push.status(), push.body());
    SentMessage reply = await(h.sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId()), TIMEOUT));
    return reply.currentContent().toString();
  }

  @Test
  @DisplayName("a job whose hiring process Hire no longer lists: 'not found' in words, no Hire error or invented code")
  void processMissing() {
    // GIVEN a job whose process is gone from job_processes (removed in Hire after the job was made)
    var hire = h.sandbox.hire();
    JobProcess template = hire.processes().get(0);
    JobProcess orphan = hire.addProcess(new JobProcess("7199999999999999001", "临时流程", "Temporary process", 1,
        template.stages().stream().map(s -> new Stage("7199999999999" + s.id().substring(13), s.zhName(), s.enName(),
            s.type())).toList()));
    Job job = hire.addJob("Orphan Process Engineer", "OP-001", orphan.id(), DemoTenant.RECRUITER_LI, DemoTenant.HM_ZHANG);
    hire.write(d -> d.processes.remove(orphan.id()));

    // WHEN someone asks for its candidates
    String card = say("candidates for Orphan Process Engineer");

    // THEN the answer says what is missing, and shows no Hire error or code
    assertTrue(card.contains("Not found") && card.contains("hiring process of job Orphan Process Engineer"), card);
    assertFalse(card.contains("1002202") || card.contains("Feishu Hire did not answer"), card);
  }
}

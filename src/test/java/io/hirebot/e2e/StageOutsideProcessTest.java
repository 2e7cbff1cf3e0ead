package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.JobProcess;
import io.hirebot.sandbox.hire.Stage;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hire may send an application whose stage is not one of its job's process stages (the stage was deleted from the
 * process, or the job's process changed). Such applications are counted on every card, so the totals add up to the
 * job's applications, where Hire says they are (their get_detail): under the stage Hire names, a hire there as a hire
 * (as the digest counts them), or "Other stage" when Hire gave no name: never by its id.
 */
class StageOutsideProcessTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  /** Shaped like a Hire stage id (the sandbox's are 19 digits, kind 1), in no process of the tenant. */
  private static final String GONE_STAGE = "7100000000000000999";
  private static final AtomicInteger SENDERS = new AtomicInteger();
  @RegisterExtension
  static final BotHarness h = BotHarness.encrypted();
  /** The campus process's "Technical Interview", which the job's own process does not have. */
  private static String campusStage;
  /** The campus process's "Onboarded": a hire under the job's former process. */
  private static String campusOnboarded;

  @BeforeAll
  static void start() {
    var hire = h.sandbox.hire();
    Job backend = hire.jobByCode("BE-001").orElseThrow();
    Job odd = hire.addJob("Odd Stage Job", "OS-001", backend.processId(), backend.recruiterId(),
        backend.hiringManagerIds().get(0));
    List<Stage> stages = hire.stagesOf(odd.id());
    hire.addApplication(odd.id(), hire.addTalent("Ada Inprocess", "13300000001", "ada@example.com").id(),
        stages.get(0).id());
    hire.addApplication(odd.id(), hire.addTalent("Ben Inprocess", "13300000002", "ben@example.com").id(),
        stages.get(3).id());
    JobProcess campus = hire.processes().stream().filter(p -> !p.id().equals(odd.processId())).findFirst()
        .orElseThrow();
    campusStage = campus.stages().stream().filter(s -> "Technical Interview".equals(s.enName())).findFirst()
        .orElseThrow().id();
    moveOutside(hire.addApplication(odd.id(), hire.addTalent("Cleo Nostage", "13300000003", "cleo@example.com").id(),
        stages.get(0).id()), GONE_STAGE);
    moveOutside(hire.addApplication(odd.id(), hire.addTalent("Dana Rivers", "13300000004", "dana@example.com").id(),
        stages.get(0).id()), campusStage);
    campusOnboarded = campus.stages().stream().filter(s -> s.type() == Stage.ONBOARDED).findFirst().orElseThrow().id();
    moveOutside(hire.addApplication(odd.id(), hire.addTalent("Eve Joined", "13300000005", "eve@example.com").id(),
        stages.get(0).id()), campusOnboarded);
  }

  /** As Hire can leave it: in a stage its job's process does not have (no transfer_stage would allow that). */
  private static void moveOutside(Application a, String stageId) {
    h.sandbox.hire().write(d -> d.applications.put(a.id(), a.movedTo(stageId, System.currentTimeMillis())));
  }

  private static String ask(String text) {
    PushResult push = await(h.sandbox.events().message(MessageSpec.group(TEAM)
        .from(DemoTenant.ADMIN_ZHOU + "_" + SENDERS.incrementAndGet()).mentioningBot().text(text)));
    assertEquals(200, push.status(), push.body());
    SentMessage reply = await(h.sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId()), TIMEOUT));
    StringBuilder shown = new StringBuilder();
    // Every text the card shows (titles, markdown, buttons): not the callback values, which carry ids on purpose.
    reply.currentContent().findValues("content").stream().filter(JsonNode::isTextual)
        .forEach(n -> shown.append(n.asText()).append('\n'));
    String out = shown.toString();
    assertFalse(out.contains(GONE_STAGE), "the raw stage id is shown: " + out);
    assertFalse(out.contains(campusStage), "the raw stage id is shown: " + out);
    assertFalse(out.contains(campusOnboarded), "the raw stage id is shown: " + out);
    return out;
  }

  private static void assertShows(String shown, String... parts) {
    for (String part : parts) {
      assertTrue(shown.contains(part), "«" + part + "» not in: " + shown);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "candidates for job OS-001|4 active candidates|Resume Screening **1** · First Interview **1**"
          + " · Technical Interview **1** · Onboarded **1** · Other stage **1**|**Technical Interview** · 1"
          + "|**Other stage** · 1",
      "Odd Stage Job 的候选人|进行中候选人 4 人|简历筛选 **1** · 一面 **1** · 技术面试 **1** · 已入职 **1** · 其他阶段 **1**"
          + "|**技术面试** · 1 人|**其他阶段** · 1 人"})
  @DisplayName("the candidates card counts and lists every application, those in other stages under the stage Hire "
      + "names, a hire there as a hire")
  void candidates(String text, String total, String counts, String named, String other) {
    String shown = ask(text);
    assertShows(shown, total, counts, named, other, "Ada Inprocess", "Ben Inprocess", "Cleo Nostage", "Dana Rivers",
        "Eve Joined");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "candidates for job OS-001|Technical Interview",
      "Odd Stage Job 的候选人|技术面试"})
  @DisplayName("a row in a stage outside the process says the stage Hire named")
  void candidateRowNamesItsStage(String text, String stageName) {
    assertShows(ask(text), stageName);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "pipeline for job OS-001|4 active candidates · 1 hired|**Resume Screening** · 1|**First Interview** · 1"
          + "|Outside the funnel: Technical Interview 1 · Onboarded 1 · Other stage 1",
      "Odd Stage Job 的招聘漏斗|进行中 4 人 · 已入职 1 人|**简历筛选** · 1|**一面** · 1"
          + "|不计入漏斗：技术面试 1 人 · 已入职 1 人 · 其他阶段 1 人"})
  @DisplayName("the funnel counts applications in other stages apart from its steps, in its total")
  void pipeline(String text, String total, String first, String interview, String apart) {
    assertShows(ask(text), total, first, interview, apart);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "jobs Odd Stage|4 active: Screening **1** · Interview **2** · Other stage **1** · 1 hired",
      "职位 Odd Stage|进行中 4 人：筛选 **1** · 面试 **2** · 其他阶段 **1** · 已入职 1 人"})
  @DisplayName("the jobs card counts applications in other stages in the job's active count, by the kind of stage "
      + "Hire names, and a hire there as a hire")
  void jobs(String text, String counts) {
    assertShows(ask(text), counts);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "candidate Cleo Nostage|Other stage",
      "候选人 Cleo Nostage|其他阶段",
      "candidate Dana Rivers|Technical Interview",
      "候选人 Dana Rivers|技术面试"})
  @DisplayName("the profile names a stage outside the process as Hire did, or 'Other stage' when Hire gave no name")
  void profile(String text, String stageName) {
    assertShows(ask(text), "**Odd Stage Job** · " + stageName + " · ");
  }

  @org.junit.jupiter.api.Test
  @DisplayName("the digest names a stage outside the process as the other cards do: Hire's name, or 'Other stage'")
  void digest() {
    ask("subscribe job OS-001");
    String shown = ask("digest now");
    assertShows(shown, "Cleo Nostage (Other stage)", "Dana Rivers (Technical Interview)");
  }
}

package io.hirebot.feature.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.hire.Job;
import io.hirebot.hire.JobProcess;
import io.hirebot.hire.JobTeam;
import io.hirebot.hire.Stage;
import io.hirebot.hire.StageType;
import io.hirebot.testing.FeatureHarness;
import io.hirebot.testing.Shown;
import io.hirebot.testing.SmallTenant;
import io.hirebot.testing.TestFeatures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pipeline card's figures against a small Hire tenant. */
class PipelineFeatureTest {
  @RegisterExtension
  final FeatureHarness h = FeatureHarness.start().with(TestFeatures::pipeline);

  @Test
  @DisplayName("pipeline: one line per stage with the real counts, conversion and median days, in both languages")
  void pipeline() {
    // GIVEN Backend Engineer: 2 in screening, 1 in interview, none further
    Map<Stage, Integer> active = Map.of(SmallTenant.SCREENING, 2, SmallTenant.INTERVIEW, 1, SmallTenant.OFFER, 0,
        SmallTenant.ONBOARDING, 0);

    Shown en = h.inGroup("pipeline for Backend Engineer");
    Shown zh = h.inGroup("Backend Engineer 的招聘漏斗");

    active.forEach((s, n) -> {
      assertTrue(en.contains("**" + s.enName() + "** · " + n), s.enName() + " in " + en);
      assertTrue(zh.contains("**" + s.zhName() + "** · " + n), s.zhName() + " in " + zh);
    });
    assertTrue(en.contains("moved on") && en.contains("median"), en.all());
    assertTrue(zh.contains("已进入后续阶段") && zh.contains("中位数"), zh.all());
  }

  @Test
  @DisplayName("pipeline: a stage whose candidates all entered it today has a median under a day, not '0 d in stage'")
  void medianOfToday() {
    // GIVEN Backend Engineer with one candidate, at offer since just now
    h.hire.addApplication(SmallTenant.BACKEND, h.hire.addTalent("Olive New", "13900000031", "o@example.com"),
        SmallTenant.OFFER, h.clock.instant());

    Shown en = h.inGroup("pipeline for Backend Engineer");
    Shown zh = h.inGroup("Backend Engineer 的招聘漏斗");

    // THEN offer's median is said in words, in both languages, by the same code as the candidate rows
    assertTrue(en.contains("median under 1 d in stage"), en.all());
    assertTrue(zh.contains("阶段停留中位数不足 1 天"), zh.all());
    assertFalse(en.contains("median 0 d") || zh.contains("中位数 0 天"), en.all());
  }

  @Test
  @DisplayName("pipeline: a stage where candidates dropped out converts under 100%, counting who reached it and left")
  void dropOutsLowerConversion() {
    // GIVEN Backend Engineer: Alice and Bob in screening, Carol in interview with Dave rejected there, Frank rejected
    // at offer (nobody active at offer) and Grace past it, to onboard
    var now = h.clock.instant();
    var dave = h.hire.addApplication(SmallTenant.BACKEND, h.hire.addTalent("Dave Li", "13900000001", "d@example.com"),
        SmallTenant.INTERVIEW, now.minus(Duration.ofDays(4)));
    var frank = h.hire.addApplication(SmallTenant.BACKEND, h.hire.addTalent("Frank Xu", "13900000002", "f@example.com"),
        SmallTenant.OFFER, now.minus(Duration.ofDays(6)));
    h.hire.addApplication(SmallTenant.BACKEND, h.hire.addTalent("Grace He", "13900000003", "g@example.com"),
        SmallTenant.ONBOARDING, now.minus(Duration.ofDays(8)));
    h.hire.terminated(dave.id());
    h.hire.terminated(frank.id());

    Shown en = h.inGroup("pipeline for Backend Engineer");
    Shown zh = h.inGroup("Backend Engineer 的招聘漏斗");

    // THEN screening: 6 reached it (4 active, 2 rejected later), 4 got past it; interview: 4 reached, 2 past;
    // offer: Frank and Grace reached it, only Grace got past (not 100% as when the rejected were left out)
    assertTrue(en.contains("→ 67% moved on (4 of 6)"), en.all());
    assertTrue(en.contains("→ 50% moved on (2 of 4) · 1 dropped out here"), en.all());
    assertTrue(en.contains("**Offer** · 0"), en.all());
    assertTrue(en.contains("→ 50% moved on (1 of 2) · 1 dropped out here"), en.all());
    assertFalse(en.contains("100%"), en.all());
    assertTrue(zh.contains("**Offer 沟通** · 0"), zh.all());
    assertTrue(zh.contains("→ 50% 已进入后续阶段（2 人中的 1 人） · 1 人在此阶段终止"), zh.all());
    assertFalse(zh.contains("100%"), zh.all());
    // AND the card says what the percentage means, in both languages
    assertTrue(en.contains("dropped out at it or later"), en.all());
    assertTrue(zh.contains("在该阶段及之后被终止"), zh.all());
  }

  @Test
  @DisplayName("pipeline: people already onboarded are hires, not active candidates")
  void hiresAreNotActive() {
    // GIVEN Ops Engineer: 2 in screening, 1 onboarded
    SmallTenant.addOpsWithHire(h.hire, h.clock);

    Shown en = h.inGroup("pipeline for Ops Engineer");
    Shown zh = h.inGroup("Ops Engineer 的招聘漏斗");

    assertEquals("2 active candidates · 1 hired", en.subtitle(), en.all());
    assertEquals("进行中 2 人 · 已入职 1 人", zh.subtitle(), zh.all());
    assertTrue(en.contains("**Onboarded** · 1"), en.all());
  }
  @Test
  @DisplayName("pipeline: a pool stage (Talent reserve, type other) is shown apart, out of the funnel and its rates")
  void poolStageIsApart() {
    // GIVEN a campus process screening → onboarded → talent reserve (type "other"): 2 in screening, 1 onboarded,
    // 1 in the reserve
    Stage reserve = new Stage("stage_reserve", "人才储备", "Talent Reserve", StageType.OTHER);
    JobProcess process = new JobProcess("process_campus", "校招流程", "Campus hiring",
        List.of(SmallTenant.SCREENING, SmallTenant.ONBOARDED, reserve));
    h.hire.addProcess(process);
    Job job = h.hire.addJob(new Job("job_campus", "CS-001", "Campus Engineer", process.id(), true),
        new JobTeam("job_campus", SmallTenant.RECRUITER_LI, List.of(), List.of()));
    var now = h.clock.instant();
    h.hire.addApplication(job, h.hire.addTalent("Ann Su", "13900000011", "a@example.com"), SmallTenant.SCREENING, now);
    h.hire.addApplication(job, h.hire.addTalent("Ben Yu", "13900000012", "b@example.com"), SmallTenant.SCREENING, now);
    h.hire.addApplication(job, h.hire.addTalent("Cai Lo", "13900000013", "c@example.com"), SmallTenant.ONBOARDED, now);
    h.hire.addApplication(job, h.hire.addTalent("Dee Wu", "13900000014", "e@example.com"), reserve, now);

    Shown en = h.inGroup("pipeline for CS-001");
    Shown zh = h.inGroup("CS-001 的招聘漏斗");

    // THEN screening: 3 reached it (not the one in reserve), 1 got past; Onboarded is the last step, with no rate
    assertTrue(en.contains("→ 33% moved on (1 of 3)"), en.all());
    assertTrue(zh.contains("→ 33% 已进入后续阶段（3 人中的 1 人）"), zh.all());
    assertFalse(en.contains("**Talent Reserve** · 1"), en.all());
    assertFalse(en.contains("of 4)") || en.contains("(1 of 1)") || en.contains("100%"), en.all());
    // AND the reserve is shown apart, after the funnel
    assertTrue(en.contains("Outside the funnel: Talent Reserve 1"), en.all());
    assertTrue(zh.contains("不计入漏斗：人才储备 1 人"), zh.all());
    assertTrue(en.all().indexOf("**Onboarded** · 1") < en.all().indexOf("Talent Reserve"), en.all());
  }

  @Test
  @DisplayName("pipeline: a stage Hire gave no name is called by its kind ('Other' / 其他), never by its id")
  void namelessStageByItsKind() {
    // GIVEN a process screening → a pool stage of type other with no name in either language: 1 in each
    Stage nameless = new Stage("stage_nameless", "", "", StageType.OTHER);
    JobProcess process = new JobProcess("process_pool", "流程", "Process", List.of(SmallTenant.SCREENING, nameless));
    h.hire.addProcess(process);
    Job job = h.hire.addJob(new Job("job_pool", "PL-001", "Pool Engineer", process.id(), true),
        new JobTeam("job_pool", SmallTenant.RECRUITER_LI, List.of(), List.of()));
    var now = h.clock.instant();
    h.hire.addApplication(job, h.hire.addTalent("Ann Su", "13900000011", "a@example.com"), SmallTenant.SCREENING, now);
    h.hire.addApplication(job, h.hire.addTalent("Dee Wu", "13900000014", "d@example.com"), nameless, now);

    Shown en = h.inGroup("pipeline for PL-001");
    Shown zh = h.inGroup("PL-001 的招聘漏斗");

    // THEN the pool is shown apart under the generic word, in each language, and its id nowhere
    assertTrue(en.contains("Outside the funnel: Other 1"), en.all());
    assertTrue(zh.contains("不计入漏斗：其他 1 人"), zh.all());
    assertFalse(en.all().contains("Outside the funnel: stage_nameless"), en.all());
  }

  @Test
  @DisplayName("pipeline: a process of more steps than fit one card keeps the steps with candidates, in process order")
  void manyStepsKeepThoseWithCandidates() {
    // GIVEN a process of 300 interview rounds, candidates only in rounds 250 and 290
    List<Stage> stages = new java.util.ArrayList<>();
    for (int i = 1; i <= 300; i++) {
      stages.add(new Stage("stage_round_" + i, "第" + i + "轮面试", "Round " + i, StageType.INTERVIEW));
    }
    JobProcess process = new JobProcess("process_rounds", "多轮流程", "Many rounds", stages);
    h.hire.addProcess(process);
    Job job = h.hire.addJob(new Job("job_rounds", "RD-001", "Rounds Engineer", process.id(), true),
        new JobTeam("job_rounds", SmallTenant.RECRUITER_LI, List.of(), List.of()));
    var now = h.clock.instant();
    h.hire.addApplication(job, h.hire.addTalent("Ann Su", "13900000011", "a@example.com"), stages.get(289), now);
    h.hire.addApplication(job, h.hire.addTalent("Ben Yu", "13900000012", "b@example.com"), stages.get(249), now);

    Shown en = h.inGroup("pipeline for RD-001");
    Shown zh = h.inGroup("RD-001 的招聘漏斗");

    // THEN the card lists fewer steps than 300, says so, and the two with people are among them, in process order
    assertTrue(en.contains("**Round 250** · 1") && en.contains("**Round 290** · 1"), en.all());
    assertTrue(en.all().indexOf("**Round 250**") < en.all().indexOf("**Round 290**"), en.all());
    assertTrue(en.contains("of 300: more would not fit one Feishu card"), en.all());
    assertTrue(zh.contains("**第250轮面试** · 1") && zh.contains("**第290轮面试** · 1"), zh.all());
  }
}

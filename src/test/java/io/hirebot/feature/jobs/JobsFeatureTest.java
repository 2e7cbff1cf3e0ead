package io.hirebot.feature.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.CardLimits;
import io.hirebot.hire.Job;
import io.hirebot.hire.JobProcess;
import io.hirebot.hire.JobTeam;
import io.hirebot.hire.Stage;
import io.hirebot.hire.StageType;
import io.hirebot.testing.FeatureHarness;
import io.hirebot.testing.Shown;
import io.hirebot.testing.SmallTenant;
import io.hirebot.testing.TestFeatures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The jobs card's content against a small Hire tenant (the journey itself is in the end-to-end suite). */
class JobsFeatureTest {
  @RegisterExtension
  final FeatureHarness h = FeatureHarness.start().with(TestFeatures::jobs, TestFeatures::candidates);

  @Test
  @DisplayName("jobs: each open job with its active candidates counted per kind of stage, in English and Chinese")
  void jobsWithCounts() {
    // GIVEN Backend Engineer with 3 active candidates: 2 in screening, 1 in interview
    // WHEN someone asks for the jobs, in English and in Chinese
    Shown en = h.inGroup("jobs");
    Shown zh = h.inGroup("职位");

    // THEN each open job is a row with its counts, and a button to its candidates
    assertTrue(en.contains("3 active: Screening **2**"), en.all());
    assertTrue(en.contains("Interview **1**") && en.contains("Offer **"), en.all());
    assertTrue(zh.contains("进行中 3 人：筛选 **2**"), zh.all());
    assertEquals(2, en.buttons("candidates.show").size(), "one button per open job");
    assertEquals(2, zh.buttons("candidates.show").size(), zh.all());
    assertTrue(en.buttons("candidates.show").stream().anyMatch(v -> v.toString().contains(SmallTenant.BACKEND.id())),
        en.all());
    assertFalse(en.contains(SmallTenant.FRONTEND_CLOSED.title()), "a closed job is not listed");
    // Each viewer reads their own language: the English card carries the Chinese texts too, and back.
    assertTrue(en.contains("\"zh_cn\":\"在招职位\"") && zh.contains("\"en_us\":\"Open jobs\""), en.all());
  }

  @Test
  @DisplayName("jobs: hires are counted apart from the active candidates, so the breakdown adds up to the active count")
  void hiresApartFromActive() {
    // GIVEN Ops Engineer: 2 in screening, 1 onboarded
    SmallTenant.addOpsWithHire(h.hire, h.clock);

    Shown en = h.inGroup("jobs");
    Shown zh = h.inGroup("职位");

    // THEN its row breaks down the 2 active candidates alone, the hire after them, as the candidates card says it
    assertTrue(en.contains("2 active: Screening **2** · 1 hired"), en.all());
    assertFalse(en.contains("Onboarded **1**"), en.all());
    assertTrue(zh.contains("进行中 2 人：筛选 **2** · 已入职 1 人"), zh.all());
  }

  @Test
  @DisplayName("jobs: a pool stage (type other, e.g. Talent Reserve) is counted under its own name, not as 'Other'")
  void poolStageUnderItsOwnName() {
    // GIVEN a campus job: 1 in screening, 1 in Talent Reserve (Hire type 8, other), 1 in a stage of type other that
    // Hire gave no name
    Stage reserve = new Stage("stage_reserve", "人才储备", "Talent Reserve", StageType.OTHER);
    Stage nameless = new Stage("stage_nameless", "", "", StageType.OTHER);
    JobProcess process = new JobProcess("process_campus", "校招流程", "Campus hiring",
        List.of(SmallTenant.SCREENING, reserve, nameless));
    h.hire.addProcess(process);
    Job job = h.hire.addJob(new Job("job_campus", "CS-001", "Campus Engineer", process.id(), true),
        new JobTeam("job_campus", SmallTenant.RECRUITER_LI, List.of(), List.of()));
    var now = h.clock.instant();
    h.hire.addApplication(job, h.hire.addTalent("Ann Su", "13900000011", "a@example.com"), SmallTenant.SCREENING, now);
    h.hire.addApplication(job, h.hire.addTalent("Dee Wu", "13900000014", "d@example.com"), reserve, now);
    h.hire.addApplication(job, h.hire.addTalent("Eli Ng", "13900000015", "e@example.com"), nameless, now);

    Shown en = h.inGroup("jobs");
    Shown zh = h.inGroup("职位");

    // THEN the reserve is named as in the job's process, in each language; only the nameless stage is "Other"
    assertTrue(en.contains("3 active: Screening **1** · Talent Reserve **1** · Other **1**"), en.all());
    assertTrue(zh.contains("进行中 3 人：筛选 **1** · 人才储备 **1** · 其他 **1**"), zh.all());
  }

  @Test
  @DisplayName("jobs: a page of ten jobs whose 250-stage process has someone in each of its 245 pool stages arrives "
      + "within Feishu's limits, in both languages, each row naming its busiest stages and how many more")
  void manyPoolStagesOnEveryJob() {
    // GIVEN a process of 250 stages: screening, 245 talent pools (type other, each counted under its own name), offer,
    // pending onboarding, onboarded, and a last interview round; ten open jobs on it, each with someone in every stage
    // but onboarded, two in pool 7
    List<Stage> stages = new ArrayList<>();
    stages.add(SmallTenant.SCREENING);
    for (int i = 1; i <= 245; i++) {
      stages.add(new Stage("stage_pool_" + i, "人才储备池第" + i + "号", "Talent reserve pool " + i, StageType.OTHER));
    }
    stages.add(new Stage("stage_final", "终面", "Final interview", StageType.INTERVIEW));
    stages.addAll(List.of(SmallTenant.OFFER, SmallTenant.ONBOARDING, SmallTenant.ONBOARDED));
    JobProcess process = new JobProcess("process_pools", "多储备池流程", "Many pools", stages);
    assertEquals(250, process.stages().size());
    h.hire.addProcess(process);
    var now = h.clock.instant();
    int talent = 0;
    for (int j = 0; j < 10; j++) {
      Job job = h.hire.addJob(new Job("job_pools_" + j, "PO-00" + j, "Pool Engineer " + j, process.id(), true),
          new JobTeam("job_pools_" + j, SmallTenant.RECRUITER_LI, List.of(), List.of()));
      for (Stage stage : stages.subList(0, 249)) {
        talent++;
        h.hire.addApplication(job, h.hire.addTalent("Pat " + talent, "139" + String.format("%08d", talent),
            "p" + talent + "@example.com"), stage, now);
      }
      talent++;
      h.hire.addApplication(job, h.hire.addTalent("Pat " + talent, "139" + String.format("%08d", talent),
          "p" + talent + "@example.com"), stages.get(7), now);
    }

    for (String asked : List.of("jobs", "职位")) {
      Shown card = h.inGroup(asked);
      int bytes = card.card().toString().getBytes(StandardCharsets.UTF_8).length;
      System.out.println("jobs card, 10 jobs x 245 pool stages, " + asked + ": "
          + CardLimits.elements((ObjectNode) card.card()) + " elements, " + bytes + " B");
      assertEquals(List.of(), CardLimits.violations((ObjectNode) card.card(), card.card().toString()), asked);
      assertEquals(10, card.buttons("candidates.show").size(), card.all());
      // THEN both languages are there, and each row adds up: the busiest stages named, the others counted together
      assertTrue(card.contains("\"zh_cn\":\"在招职位\"") && card.contains("\"en_us\":\"Open jobs\""), card.all());
      assertTrue(card.contains("250 active: Screening **1** · Interview **1** · Offer **1** · Onboarding **1** · "
          + "Talent reserve pool 1 **1** · Talent reserve pool 2 **1** · Talent reserve pool 7 **2** · "
          + "+242 more stages **242**"), card.all());
      assertTrue(card.contains("进行中 250 人：筛选 **1** · 面试 **1** · Offer **1** · 待入职 **1** · 人才储备池第1号 **1** · "
          + "人才储备池第2号 **1** · 人才储备池第7号 **2** · 其余 242 个阶段 **242**"), card.all());
    }
  }
}

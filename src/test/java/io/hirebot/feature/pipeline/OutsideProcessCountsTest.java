package io.hirebot.feature.pipeline;

import static io.hirebot.testing.MemoryDatabase.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.hire.KnownApplications;
import io.hirebot.hire.PipelinePage;
import io.hirebot.hire.PipelineReader;
import io.hirebot.hire.Stage;
import io.hirebot.hire.StageType;
import io.hirebot.testing.FeatureHarness;
import io.hirebot.testing.Shown;
import io.hirebot.testing.SmallTenant;
import io.hirebot.testing.TestFeatures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A job whose process changed keeps applications in stages of its former process: one onboarded there is a hire, one
 * in its interview still a candidate. The jobs, candidates and pipeline cards read each such application's detail
 * (few of them) and count it where Hire says it is, as the digest (which reads every detail) does: the same active
 * count on every card.
 */
class OutsideProcessCountsTest {
  /** Stages of Backend Engineer's former process, which Hire still names in the application's detail. */
  private static final Stage FORMER_ONBOARDED = new Stage("stage_former_onboarded", "已入职（旧流程）",
      "Onboarded (old process)", StageType.ONBOARDED);
  private static final Stage FORMER_INTERVIEW = new Stage("stage_former_interview", "技术面试（旧流程）",
      "Tech interview (old process)", StageType.INTERVIEW);

  @RegisterExtension
  final FeatureHarness h = FeatureHarness.start().with(TestFeatures::jobs, TestFeatures::pipeline,
      TestFeatures::candidates);

  @BeforeEach
  void formerProcess() {
    // GIVEN Backend Engineer: 2 in screening, 1 in interview (its process); Olga onboarded and Pete in an interview
    // under its former process
    h.hire.addApplication(SmallTenant.BACKEND, h.hire.addTalent("Olga Former", "13800000001", "olga@example.com"),
        FORMER_ONBOARDED, h.clock.instant());
    h.hire.addApplication(SmallTenant.BACKEND, h.hire.addTalent("Pete Former", "13800000002", "pete@example.com"),
        FORMER_INTERVIEW, h.clock.instant());
  }

  /** What the digest says of the job: its reader of every detail. */
  private PipelinePage digest() {
    return await(new PipelineReader(h.hire, h.clock).readWhole(SmallTenant.BACKEND, 100,
        new KnownApplications(h.hire, h.clock)));
  }

  @Test
  @DisplayName("the jobs card counts a hire under a former process as a hire, as the digest does")
  void jobsCardAgreesWithDigest() {
    PipelinePage digest = digest();
    assertEquals(4, digest.inProcess(), "the digest: Alice, Bob, Carol and Pete");
    assertEquals(1, digest.hired(), "the digest: Olga");

    Shown en = h.inGroup("jobs Backend");
    Shown zh = h.inGroup("职位 Backend");

    // THEN the same 4 active and 1 hired; Pete under his stage's kind (an interview), not "Other stage"
    assertTrue(en.contains(digest.inProcess() + " active: Screening **2** · Interview **2** · 1 hired"), en.all());
    assertTrue(zh.contains("进行中 " + digest.inProcess() + " 人：筛选 **2** · 面试 **2** · 已入职 1 人"), zh.all());
    assertFalse(en.contains("Other stage") || zh.contains("其他阶段"), en.all() + zh.all());
  }

  @Test
  @DisplayName("the pipeline card counts a hire under a former process as a hire, and names where the others are")
  void pipelineCardAgreesWithDigest() {
    PipelinePage digest = digest();

    Shown en = h.inGroup("pipeline for Backend Engineer");
    Shown zh = h.inGroup("Backend Engineer 的招聘漏斗");

    assertEquals(digest.inProcess() + " active candidates · 1 hired", en.subtitle(), en.all());
    assertEquals("进行中 " + digest.inProcess() + " 人 · 已入职 1 人", zh.subtitle(), zh.all());
    // AND outside the funnel, each by the stage Hire names: no step of the funnel counts them
    assertTrue(en.contains("Outside the funnel: Tech interview (old process) 1 · Onboarded (old process) 1")
        || en.contains("Outside the funnel: Onboarded (old process) 1 · Tech interview (old process) 1"), en.all());
    assertTrue(en.contains("**Interview** · 1"), en.all());
  }

  @Test
  @DisplayName("the candidates card counts a hire under a former process as a hire and heads each stage by its name")
  void candidatesCardAgreesWithDigest() {
    PipelinePage digest = digest();

    Shown en = h.inGroup("candidates for Backend Engineer");

    assertTrue(en.contains(digest.inProcess() + " active candidates"), en.all());
    assertTrue(en.contains("Tech interview (old process) **1**"), en.all());
    assertTrue(en.contains("**Tech interview (old process)** · 1"), en.all());
    assertFalse(en.contains("Other stage"), en.all());
  }

  @Test
  @DisplayName("a job with nobody outside its process reads no application detail for its counts")
  void noOutsideNoDetail() {
    h.hire.resetCalls();

    h.inGroup("jobs Data Scientist");

    assertEquals(0, h.hire.calls("application").size(), h.hire.calls().toString());
    assertEquals(0, h.hire.calls("applicationDetail").size(), h.hire.calls().toString());
  }
}

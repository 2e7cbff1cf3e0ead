package io.hirebot.hire;

import static io.hirebot.testing.MemoryDatabase.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.testing.FakeHireDirectory;
import io.hirebot.testing.SmallTenant;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a digest reads of a job (one list, every detail) when some applications sit outside the job's process. */
class ReadWholeOutsideProcessTest {
  private final FakeHireDirectory hire = SmallTenant.seed(new FakeHireDirectory(), Clock.systemUTC());
  private final Job job = SmallTenant.BACKEND;

  @Test
  @DisplayName("one onboarded under the job's former process is a hire, not an active candidate; each counted under "
      + "the stage Hire names, as the cards that read the lists by stage count them")
  void hireOutsideProcess() {
    PipelineReader reader = new PipelineReader(hire, Clock.systemUTC());
    KnownApplications known = new KnownApplications(hire, Clock.systemUTC());
    PipelinePage before = await(reader.readWhole(job, 100, known));
    Stage formerOnboarded = new Stage("stage_former_onboarded", "已入职（旧流程）", "Onboarded (old process)",
        StageType.ONBOARDED);
    Stage formerScreening = new Stage("stage_former_screening", "筛选（旧流程）", "Screening (old process)",
        StageType.SCREENING);
    hire.addApplication(job, hire.addTalent("Olga Former", "13800000001", "olga@example.com"), formerOnboarded,
        Instant.now());
    hire.addApplication(job, hire.addTalent("Pete Former", "13800000002", "pete@example.com"), formerScreening,
        Instant.now());

    PipelinePage after = await(reader.readWhole(job, 100, known));

    assertEquals(before.total() + 2, after.total());
    assertEquals(before.hired() + 1, after.hired(), "Olga joined");
    assertEquals(before.inProcess() + 1, after.inProcess(), "Pete is still a candidate");
    assertTrue(after.counts().contains(new PipelinePage.StageCount(formerOnboarded, 1)), after.counts().toString());
    assertTrue(after.counts().contains(new PipelinePage.StageCount(formerScreening, 1)), after.counts().toString());
    assertFalse(after.counts().stream().anyMatch(c -> c.stage().equals(Stage.OUTSIDE)), after.counts().toString());
    // AND the cards that read the lists by stage (jobs, candidates, pipeline) count the same
    JobPipeline lists = await(reader.stages(job));
    assertEquals(after.counts(), lists.counts());
    assertEquals(after.inProcess(), lists.inProcess());
  }
}

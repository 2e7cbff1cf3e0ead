package io.hirebot.hire;

import static io.hirebot.testing.MemoryDatabase.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
  @DisplayName("one onboarded under the job's former process is a hire, not an active candidate, though its stage "
      + "is counted under 'Other stage'")
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
    assertEquals(2, after.counts().stream().filter(c -> c.stage().equals(Stage.OUTSIDE)).mapToInt(
        PipelinePage.StageCount::count).sum());
  }
}

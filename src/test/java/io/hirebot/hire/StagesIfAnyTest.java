package io.hirebot.hire;

import static io.hirebot.testing.MemoryDatabase.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hirebot.testing.FakeHireDirectory;
import io.hirebot.testing.SmallTenant;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the jobs card reads of a job ({@link PipelineReader#stagesIfAny}): the whole job's list, then the lists by stage
 * only when it names someone; the counts are those of {@link PipelineReader#stages} whatever the lists say.
 */
class StagesIfAnyTest {
  private final FakeHireDirectory hire = SmallTenant.seed(new FakeHireDirectory(), Clock.systemUTC());
  private final PipelineReader reader = new PipelineReader(hire, Clock.systemUTC());

  @Test
  @DisplayName("a job nobody applies to: one list call, every stage of its process counted 0")
  void emptyJobOneCall() {
    Job quiet = new Job("job_quiet", "QA-001", "QA Engineer", SmallTenant.PROCESS.id(), true);
    hire.addJob(quiet, new JobTeam(quiet.id(), SmallTenant.RECRUITER_LI, List.of(), List.of()));
    hire.resetCalls();

    JobPipeline pipeline = await(reader.stagesIfAny(quiet));

    assertEquals(1, hire.calls("activeApplicationIds").size(), hire.calls().toString());
    assertEquals(SmallTenant.PROCESS.stages().size(), pipeline.counts().size());
    assertEquals(0, pipeline.total());
  }

  @Test
  @DisplayName("a job with candidates: its stages and its whole job read, counted as stages() counts them")
  void jobWithCandidatesAsBefore() {
    hire.resetCalls();
    JobPipeline gated = await(reader.stagesIfAny(SmallTenant.BACKEND));
    assertEquals(SmallTenant.PROCESS.stages().size() + 1, hire.calls("activeApplicationIds").size());

    assertEquals(await(reader.stages(SmallTenant.BACKEND)).counts(), gated.counts());
    assertEquals(3, gated.total());
  }

  @Test
  @DisplayName("a job whose only candidate sits outside its process: counted under 'Other stage', not left out")
  void onlyOutsideTheProcess() {
    Job moved = new Job("job_moved", "MV-001", "Moved Engineer", SmallTenant.PROCESS.id(), true);
    hire.addJob(moved, new JobTeam(moved.id(), SmallTenant.RECRUITER_LI, List.of(), List.of()));
    Stage former = new Stage("stage_former", "筛选（旧流程）", "Screening (old process)", StageType.SCREENING);
    hire.addApplication(moved, hire.addTalent("Pete Former", "13800000002", "pete@example.com"), former,
        Instant.now());

    JobPipeline pipeline = await(reader.stagesIfAny(moved));

    assertEquals(1, pipeline.total());
    assertEquals(new PipelinePage.StageCount(Stage.OUTSIDE, 1), pipeline.counts().get(pipeline.counts().size() - 1));
  }

  @Test
  @DisplayName("the whole job's list failing: the lists by stage are read and counted, as stages() does")
  void wholeListFailing() {
    hire.failNext("activeApplicationIds", new RuntimeException("Hire answered 500"));

    JobPipeline pipeline = await(reader.stagesIfAny(SmallTenant.BACKEND));

    assertEquals(3, pipeline.total(), "2 in screening, 1 in interview");
    assertEquals(SmallTenant.PROCESS.stages().size(), pipeline.counts().size(), "no outside bucket");
  }
}

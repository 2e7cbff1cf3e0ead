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
  @DisplayName("a job whose only candidate sits outside its process: counted under the stage Hire names, not left out")
  void onlyOutsideTheProcess() {
    Job moved = movedJob();
    Stage former = new Stage("stage_former", "筛选（旧流程）", "Screening (old process)", StageType.SCREENING);
    hire.addApplication(moved, hire.addTalent("Pete Former", "13800000002", "pete@example.com"), former,
        Instant.now());
    hire.resetCalls();

    JobPipeline pipeline = await(reader.stagesIfAny(moved));

    assertEquals(1, pipeline.total());
    assertEquals(new PipelinePage.StageCount(former, 1), pipeline.counts().get(pipeline.counts().size() - 1));
    assertEquals(1, hire.calls("application").size(), "his detail says where he is: " + hire.calls());
  }

  @Test
  @DisplayName("outside the process: a hire counts as one; a stage without a name, a failed read and those past the "
      + "cap of details stay under 'Other stage'")
  void outsideTheProcessBounded() {
    Job moved = movedJob();
    Stage former = new Stage("stage_former", "筛选（旧流程）", "Screening (old process)", StageType.SCREENING);
    Stage joined = new Stage("stage_former_joined", "已入职（旧流程）", "Onboarded (old process)", StageType.ONBOARDED);
    Stage nameless = new Stage("stage_deleted", "", "", StageType.OTHER);
    Instant at = Instant.now();
    // in Hire's order: Pete 0 (whose read fails), Olga, Nia, then Pete 1 to 11
    hire.addApplication(moved, hire.addTalent("Pete Former 0", "13800000100", "p0@example.com"), former, at);
    hire.addApplication(moved, hire.addTalent("Olga Joined", "13800000001", "olga@example.com"), joined, at);
    hire.addApplication(moved, hire.addTalent("Nia Nameless", "13800000003", "nia@example.com"), nameless, at);
    for (int i = 1; i < PipelineReader.MAX_OUTSIDE_DETAILS + 2; i++) {
      hire.addApplication(moved, hire.addTalent("Pete Former " + i, "138000001" + (10 + i), "p" + i + "@example.com"),
          former, at);
    }
    hire.resetCalls();
    hire.failNext("application", new RuntimeException("Hire answered 500"));

    JobPipeline pipeline = await(reader.stagesIfAny(moved));

    assertEquals(PipelineReader.MAX_OUTSIDE_DETAILS, hire.calls("application").size(), hire.calls().toString());
    assertEquals(PipelineReader.MAX_OUTSIDE_DETAILS + 4, pipeline.total());
    assertEquals(1, PipelinePage.hired(pipeline.counts()), "Olga");
    assertEquals(PipelineReader.MAX_OUTSIDE_DETAILS + 3, pipeline.inProcess());
    int unknown = count(pipeline, Stage.OUTSIDE);
    assertEquals(pipeline.total() - count(pipeline, former) - count(pipeline, joined), unknown);
    // Pete 0 (his read failed), Nia (no name) and Pete 8 to 11 (past the cap)
    assertEquals(1 + 1 + 4, unknown, pipeline.counts().toString());
  }

  private static int count(JobPipeline pipeline, Stage stage) {
    return pipeline.counts().stream().filter(c -> c.stage().equals(stage)).mapToInt(PipelinePage.StageCount::count)
        .sum();
  }

  private Job movedJob() {
    Job moved = new Job("job_moved", "MV-001", "Moved Engineer", SmallTenant.PROCESS.id(), true);
    hire.addJob(moved, new JobTeam(moved.id(), SmallTenant.RECRUITER_LI, List.of(), List.of()));
    return moved;
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

package io.hirebot.hire;

import java.util.List;
import java.util.Optional;

/** Finds stages by job and stage id, from the cached jobs and processes (cards name them through StageWords). */
public record StageNames(List<Job> jobs, List<JobProcess> processes) {

  /** The stage of the job's process, when the job, its process and the stage are known. */
  public Optional<Stage> stage(String jobId, String stageId) {
    return process(jobId).flatMap(p -> p.stage(stageId));
  }

  /** The stage as a card names it ({@link JobProcess#named}); as it is when the job or its process is unknown. */
  public Stage named(String jobId, Stage stage) {
    return process(jobId).map(p -> p.named(stage)).orElse(stage);
  }

  /** The hiring process of the job, when the job and its process are known. */
  public Optional<JobProcess> process(String jobId) {
    return jobs.stream().filter(j -> j.id().equals(jobId)).findFirst()
        .flatMap(j -> processes.stream().filter(p -> p.id().equals(j.processId())).findFirst());
  }
}

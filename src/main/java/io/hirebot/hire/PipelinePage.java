package io.hirebot.hire;

import java.util.List;

/**
 * One page of a job's active candidates in process order, with the counts per stage of the whole job.
 *
 * @param page zero-based page number, clamped to the pages that exist
 */
public record PipelinePage(
    Job job, JobProcess process, List<StageCount> counts, List<Application> applications,
    int page, int pageSize, int total) {

  /** How many active applications sit in one stage. */
  public record StageCount(Stage stage, int count) {}

  public int pages() {
    return Math.max(1, (total + pageSize - 1) / pageSize);
  }
}

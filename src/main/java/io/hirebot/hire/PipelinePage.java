package io.hirebot.hire;

import java.util.List;

/**
 * One page of a job's active applications in process order, with the counts per stage of the whole job.
 *
 * @param total the applications the list pages through (those the filter keeps), hires included
 * @param hired how many of {@code total} are hires ({@link Stage#hired}), not active candidates any more
 * @param page zero-based page number, clamped to the pages that exist
 * @param dateScan for a date filter over more applications than are read: how many were checked of how many
 *     might match; null when every candidate was checked
 * @param listed how many of the applications the list pages through (the filter's) sit in each stage, in process
 *     order: what a stage's heading counts, where {@code counts} is the whole job's
 */
public record PipelinePage(
    Job job, JobProcess process, List<StageCount> counts, List<Application> applications,
    int page, int pageSize, int total, int hired, DateScan dateScan, List<StageCount> listed) {

  /** A page of an unfiltered list: every stage's applications are listed. */
  public PipelinePage(Job job, JobProcess process, List<StageCount> counts, List<Application> applications,
      int page, int pageSize, int total, int hired, DateScan dateScan) {
    this(job, process, counts, applications, page, pageSize, total, hired, dateScan, counts);
  }

  /** The same page listing {@code shown} (its applications, as read otherwise). */
  public PipelinePage withApplications(List<Application> shown) {
    return new PipelinePage(job, process, counts, shown, page, pageSize, total, hired, dateScan, listed);
  }

  /** A date filter that checked only the {@code checked} most recently updated of {@code candidates}. */
  public record DateScan(int checked, int candidates) {}

  /** How many active applications sit in one stage. */
  public record StageCount(Stage stage, int count) {}

  /** The active candidates among {@code total}: still in process, not hired. */
  public int inProcess() {
    return total - hired;
  }

  /** How many of {@code counts} are hires ({@link Stage#hired}). */
  public static int hired(List<StageCount> counts) {
    return counts.stream().filter(c -> c.stage().hired()).mapToInt(StageCount::count).sum();
  }

  public int pages() {
    return Math.max(1, (total + pageSize - 1) / pageSize);
  }
}

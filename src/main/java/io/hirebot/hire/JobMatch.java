package io.hirebot.hire;

import java.util.List;

/** What a job query resolved to: one job, several equally good ones, or none (with a few to offer instead). */
public sealed interface JobMatch {
  record One(Job job) implements JobMatch {}

  record Several(List<Job> jobs) implements JobMatch {}

  /**
   * @param offered open jobs to offer instead: the closest ones when {@code near}, else the first open jobs (nothing
   *     was close, and calling arbitrary jobs "closest" would mislead)
   */
  record None(List<Job> offered, boolean near) implements JobMatch {}
}

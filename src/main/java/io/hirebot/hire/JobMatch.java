package io.hirebot.hire;

import java.util.List;

/** What a job query resolved to: one job, several equally good ones, or none (with the closest few). */
public sealed interface JobMatch {
  record One(Job job) implements JobMatch {}

  record Several(List<Job> jobs) implements JobMatch {}

  record None(List<Job> closest) implements JobMatch {}
}

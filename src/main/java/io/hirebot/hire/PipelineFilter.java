package io.hirebot.hire;

import java.time.Instant;
import java.util.Set;

/**
 * Which of a job's active candidates a list shows.
 *
 * @param stageIds the stages to keep, empty for every stage
 * @param appliedSince keep applications created at or after this instant; null for any date
 * @param appliedBefore keep applications created before this instant; null when the span runs to now ("this week"),
 *     set when it has ended ("last week" is Monday to Sunday, not since that Monday)
 */
public record PipelineFilter(Set<String> stageIds, Instant appliedSince, Instant appliedBefore) {
  /** Every active candidate. */
  public static final PipelineFilter NONE = new PipelineFilter(Set.of(), null);

  public PipelineFilter {
    stageIds = Set.copyOf(stageIds);
  }

  /** Applications since a moment, to now. */
  public PipelineFilter(Set<String> stageIds, Instant appliedSince) {
    this(stageIds, appliedSince, null);
  }

  /** Whether an application made at {@code appliedAt} falls in the date span (any date when there is none). */
  public boolean keepsDate(Instant appliedAt) {
    if (appliedSince == null && appliedBefore == null) {
      return true;
    }
    return appliedAt != null && (appliedSince == null || !appliedAt.isBefore(appliedSince))
        && (appliedBefore == null || appliedAt.isBefore(appliedBefore));
  }

  public boolean keepsStage(String stageId) {
    return stageIds.isEmpty() || stageIds.contains(stageId);
  }

  public boolean isNone() {
    return stageIds.isEmpty() && appliedSince == null;
  }
}

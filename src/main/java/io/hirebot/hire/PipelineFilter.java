package io.hirebot.hire;

import java.time.Instant;
import java.util.Set;

/**
 * Which of a job's active candidates a list shows.
 *
 * @param stageIds the stages to keep, empty for every stage
 * @param appliedSince keep applications created at or after this instant; null for any date
 */
public record PipelineFilter(Set<String> stageIds, Instant appliedSince) {
  /** Every active candidate. */
  public static final PipelineFilter NONE = new PipelineFilter(Set.of(), null);

  public PipelineFilter {
    stageIds = Set.copyOf(stageIds);
  }

  public boolean keepsStage(String stageId) {
    return stageIds.isEmpty() || stageIds.contains(stageId);
  }

  public boolean isNone() {
    return stageIds.isEmpty() && appliedSince == null;
  }
}

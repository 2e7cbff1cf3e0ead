package io.hirebot.hire;

import java.util.List;
import java.util.Optional;

/** A hiring process: its stages in the order the tenant configured them. */
public record JobProcess(String id, String zhName, String enName, List<Stage> stages) {
  public JobProcess {
    stages = numbered(stages);
  }

  /**
   * The stages with those Hire gave no name numbered in process order within their type, where a type has several
   * ({@link Stage#ordinal}): the one place that decides it, so every card, form and toast tells them apart alike.
   */
  private static List<Stage> numbered(List<Stage> stages) {
    java.util.Map<StageType, Long> nameless = stages.stream().filter(s -> !s.hasName())
        .collect(java.util.stream.Collectors.groupingBy(Stage::type, java.util.stream.Collectors.counting()));
    java.util.Map<StageType, Integer> seen = new java.util.EnumMap<>(StageType.class);
    return stages.stream().map(s -> s.hasName() || nameless.get(s.type()) < 2 ? s.numbered(0)
        : s.numbered(seen.merge(s.type(), 1, Integer::sum))).toList();
  }

  public Optional<Stage> stage(String stageId) {
    return stages.stream().filter(s -> s.id().equals(stageId)).findFirst();
  }

  /**
   * The stage as a card names it: the process's own; one the process does not have as Hire named it (get_detail names
   * the stage an application sits in), or {@link Stage#OUTSIDE} when Hire gave it no name, unless it is a hire's
   * ({@link Stage#hired}), kept with its type so that every card counts a hire as one (named by its type's word).
   */
  public Stage named(Stage stage) {
    return stage(stage.id()).orElse(stage.hasName() || stage.hired() ? stage : Stage.OUTSIDE);
  }

  /**
   * The stage after {@code currentStageId}, unless that is "onboarded" (or a system stage), which Hire never lets the
   * API enter: what Advance moves to.
   */
  public Optional<Stage> nextMovable(String currentStageId) {
    int i = indexOf(currentStageId);
    if (i + 1 >= stages.size() || !movableOut(currentStageId)) {
      return Optional.empty();
    }
    Stage next = stages.get(i + 1);
    return movable(next) ? Optional.of(next) : Optional.empty();
  }

  /**
   * Every other stage the API may move an application in {@code currentStageId} to; none out of "onboarded", which
   * Hire refuses to move an application out of as much as into.
   */
  public List<Stage> movableFrom(String currentStageId) {
    if (!movableOut(currentStageId)) {
      return List.of();
    }
    return stages.stream().filter(s -> !s.id().equals(currentStageId)).filter(JobProcess::movable).toList();
  }

  /**
   * The order in which the stages matter to someone moving an application in {@code currentStageId}, for a form that
   * cannot list them all: the offer and onboarding stages first (where a recruiter most often moves someone, however
   * far), then by distance from the current stage, the next before the previous one as far. From a stage the process
   * does not have, every stage is a previous one.
   */
  public java.util.Comparator<Stage> nearest(String currentStageId) {
    java.util.Map<String, Integer> position = new java.util.HashMap<>();
    for (int i = 0; i < stages.size(); i++) {
      position.putIfAbsent(stages.get(i).id(), i);
    }
    int current = position.getOrDefault(currentStageId, stages.size());
    java.util.function.ToIntFunction<Stage> at = s -> position.getOrDefault(s.id(), stages.size());
    return java.util.Comparator.<Stage, Boolean>comparing(s -> !offerOrOnboarding(s))
        .thenComparingInt(s -> Math.abs(at.applyAsInt(s) - current))
        .thenComparing(s -> at.applyAsInt(s) < current);
  }

  private static boolean offerOrOnboarding(Stage stage) {
    return stage.type() == StageType.OFFER || stage.type() == StageType.PENDING_ONBOARDING
        || stage.type() == StageType.ONBOARDED;
  }

  private boolean movableOut(String currentStageId) {
    return stage(currentStageId).map(s -> !s.hired()).orElse(true);
  }

  private static boolean movable(Stage stage) {
    return !stage.hired() && stage.type() != StageType.SYSTEM;
  }

  /** Position of the stage in process order, or {@code stages.size()} for a stage not in this process. */
  public int indexOf(String stageId) {
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).id().equals(stageId)) {
        return i;
      }
    }
    return stages.size();
  }
}

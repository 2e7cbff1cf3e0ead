package io.hirebot.sandbox.hire;

import java.util.ArrayList;
import java.util.List;

/**
 * One talent's application to one job: current stage, status (1 active, 2 terminated), history and termination.
 * Immutable; the "with" methods return the application after a change.
 */
public record Application(
    String id, String jobId, String talentId, String stageId, int activeStatus,
    long createTime, long modifyTime, List<StageTime> stageTimes,
    Integer terminationType, List<String> terminationReasonIds, String terminationNote,
    int deliveryType, int resumeSourceType, String terminatorId) {

  public static final int ACTIVE = 1;
  public static final int TERMINATED = 2;

  public Application {
    stageTimes = List.copyOf(stageTimes);
    terminationReasonIds = terminationReasonIds == null ? List.of() : List.copyOf(terminationReasonIds);
  }

  public boolean active() {
    return activeStatus == ACTIVE;
  }

  /** Leaves the current stage and enters {@code newStageId} at {@code now}. */
  public Application movedTo(String newStageId, long now) {
    List<StageTime> times = new ArrayList<>();
    for (StageTime t : stageTimes) {
      times.add(t.exitTime() == null ? new StageTime(t.stageId(), t.enterTime(), now) : t);
    }
    times.removeIf(t -> t.stageId().equals(newStageId));
    times.add(new StageTime(newStageId, now, null));
    return new Application(id, jobId, talentId, newStageId, activeStatus, createTime, now, times,
        terminationType, terminationReasonIds, terminationNote, deliveryType, resumeSourceType, terminatorId);
  }

  public Application terminated(int type, List<String> reasonIds, String note, long now) {
    return new Application(id, jobId, talentId, stageId, TERMINATED, createTime, now, stageTimes,
        type, reasonIds, note, deliveryType, resumeSourceType, null);
  }

  public Application recovered(long now) {
    return new Application(id, jobId, talentId, stageId, ACTIVE, createTime, now, stageTimes,
        null, List.of(), null, deliveryType, resumeSourceType, null);
  }
}

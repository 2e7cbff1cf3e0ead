package io.hirebot.sandbox.hire;

import java.util.List;

/** An interview of an application (round 0-based, times ms, type 1 onsite, 2 phone, 3 video) with one record per interviewer. */
public record Interview(
    String id, String applicationId, String stageId, int round, long beginTime, long endTime,
    int interviewType, List<InterviewFeedback> feedback, String creatorId, long createTime) {

  public Interview {
    feedback = List.copyOf(feedback);
  }

  /** Feishu's interview_round_summary: 2 not started, 3 none evaluated, 4 all passed, 5 all failed, 7 mixed. */
  public int roundSummary(long now) {
    if (beginTime > now) {
      return 2;
    }
    if (feedback.stream().noneMatch(InterviewFeedback::submitted)) {
      return 3;
    }
    if (feedback.stream().allMatch(f -> f.submitted() && f.conclusion() == 1)) {
      return 4;
    }
    if (feedback.stream().allMatch(f -> f.submitted() && f.conclusion() == 2)) {
      return 5;
    }
    return 7;
  }
}

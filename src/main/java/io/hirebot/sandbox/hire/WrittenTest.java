package io.hirebot.sandbox.hire;

/**
 * A written test of an application, in the fields of SDK 2.5.3's {@code hire.v1.model.Test} that tests/search
 * returns; status per Feishu: 1 not arranged, 2 not answered, 3 answered, 4 awaiting marking, 5 passed, 6 failed,
 * 7 arrangement failed; reply 1 accepted, 2 declined, 3 no answer; score empty before marking; times ms. The
 * reviewer (阅卷人) is who marks it: the test is also that person's item of {@code exam_marking_tasks}
 * ({@link #markingStatus}), so a test and its marking task can never disagree.
 */
public record WrittenTest(
    String id, String applicationId, String talentId, String jobId, String paperId, String paperName,
    int replyStatus, int status, long startTime, long endTime, String score, String reviewerId, long createdAt) {

  public static final int ANSWERED = 3;
  public static final int AWAITING_MARKING = 4;
  public static final int PASSED = 5;
  public static final int FAILED = 6;
  /** exam_marking_tasks activity_status (reference §8): 1 待阅卷 (to mark), 2 已阅卷 (marked). */
  public static final int TO_MARK = 1;
  public static final int MARKED = 2;

  /**
   * The test's marking task status for its reviewer: to mark while Hire says 待阅卷 (test_status 4, the same word as
   * the task's activity_status 1), marked once it has a result (5 passed, 6 failed, with the score); null when there
   * is no marking task (nothing answered to mark yet, or no reviewer).
   */
  public Integer markingStatus() {
    if (reviewerId == null) {
      return null;
    }
    return status == AWAITING_MARKING ? Integer.valueOf(TO_MARK)
        : status == PASSED || status == FAILED ? Integer.valueOf(MARKED) : null;
  }

  /** Whether the candidate has handed the test in (answered, in marking, or marked). */
  public boolean answered() {
    return status >= ANSWERED && status <= FAILED;
  }
}

package io.hirebot.hire;

/**
 * One resume evaluation of an application (get_detail {@code evaluations[]}, reference §8; SDK
 * {@code hire.v1.model.Evaluation}: evaluator_id, commit_status, conclusion, content).
 *
 * @param evaluatorId the evaluator's open_id (Hire gives no name here; cards mention the id)
 * @param conclusion {@link #PASS}, {@link #FAIL}, or 0 while not submitted
 */
public record Evaluation(String evaluatorId, String stageId, boolean submitted, int conclusion, String comment) {
  public static final int PASS = 1;
  public static final int FAIL = 2;
}

package io.hirebot.hire;

import java.time.Instant;
import java.util.List;

/**
 * One interview of an application, with who interviews and whether each has handed in feedback.
 *
 * @param summary Hire's interview_round_summary code (2 not started, 3 no feedback yet, 4 all passed,
 *     5 all failed, 6 no-show, other codes: mixed or partial), 0 when Hire did not say
 */
public record Interview(String id, String applicationId, String stageId, Instant begin, Instant end,
    List<Feedback> feedback, int summary) {

  public Interview {
    feedback = List.copyOf(feedback);
  }

  /**
   * One interviewer's record: submitted or not, and the conclusion.
   *
   * @param conclusion Hire's interview_record conclusion (reference §7): 1 pass, 2 fail, 3 not started,
   *     4 not submitted, 5 no-show, 6 undecided; 0 when the read did not give it (get_detail's records carry none)
   */
  public record Feedback(Person interviewer, boolean submitted, int conclusion) {
    public Feedback(Person interviewer, boolean submitted) {
      this(interviewer, submitted, 0);
    }
  }

  /** Whether the interview is over and at least one interviewer (or every one, when none is listed) owes feedback. */
  public boolean lacksFeedback(Instant now) {
    if (!over(now)) {
      return false;
    }
    return feedback.isEmpty() ? summary == 3 : feedback.stream().anyMatch(f -> !f.submitted());
  }

  /** Whether the interview is still to begin at {@code now} (one whose start Hire did not give never is). */
  public boolean upcoming(Instant now) {
    return begin != null && begin.isAfter(now);
  }

  /** Whether the interview has ended by {@code now} (one whose end Hire did not give never has). */
  public boolean over(Instant now) {
    return end != null && !end.isAfter(now);
  }

  /** Whether the user with this open_id is one of the interviewers. */
  public boolean hasInterviewer(String openId) {
    return feedback.stream().anyMatch(f -> f.interviewer().id().equals(openId));
  }
}

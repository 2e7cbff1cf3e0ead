package io.hirebot.hire;

/**
 * Something Hire is waiting for one person to do about one application: a resume to evaluate
 * ({@code evaluation_tasks}), a written test to mark ({@code exam_marking_tasks}) or interview feedback to
 * submit ({@code interview_tasks}). Hire's task items carry no time; how long one has waited is worked out by
 * {@link TaskBoard}.
 *
 * @param id the evaluation, exam or interview the task is about (as Hire lists it)
 */
public record HireTask(Kind kind, String id, String jobId, String talentId, String applicationId) {

  /** The three kinds of to-do Hire lists per user. */
  public enum Kind {
    EVALUATION, EXAM_MARKING, INTERVIEW_FEEDBACK;

    /** The i18n key stem naming the kind ({@code tasks.kind.evaluation}, …). */
    public String key() {
      return "tasks.kind." + name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}

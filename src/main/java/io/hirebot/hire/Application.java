package io.hirebot.hire;

import java.time.Instant;

/**
 * One talent's application to one job, with what a candidate row shows.
 *
 * @param stageEnteredAt when the application entered its current stage (null if Hire did not say)
 * @param progress evaluations, interviews, offer, onboarding and written test, as far as they were read
 */
public record Application(
    String id,
    String jobId,
    String talentId,
    String talentName,
    Stage stage,
    boolean active,
    Instant appliedAt,
    Instant stageEnteredAt,
    Progress progress) {

  /**
   * A talent Hire sends without a name (null or blank) is named by its id, decided once here so that no card, form,
   * toast or notice shows an empty name ("Move ** to …").
   */
  public Application {
    progress = progress == null ? Progress.UNKNOWN : progress;
    talentName = talentName == null || talentName.isBlank() ? (talentId == null ? "" : talentId) : talentName;
  }

  /** An application read without its progress. */
  public Application(String id, String jobId, String talentId, String talentName, Stage stage, boolean active,
      Instant appliedAt, Instant stageEnteredAt) {
    this(id, jobId, talentId, talentName, stage, active, appliedAt, stageEnteredAt, Progress.UNKNOWN);
  }

  /**
   * Whether Hire counts the person as hired on this application: it is in the onboarded stage, or Hire says they joined
   * (get_detail's basic_info.onboard_status 2, or an employee record; a team may record the join while the application
   * still sits in pending onboarding). Hire refuses to reject or move a hire (terminate and transfer_stage answer
   * 1002205; reference §5).
   */
  public boolean joined() {
    return stage != null && stage.hired() || progress.onboarded() || progress.onboardedAt() != null;
  }

  /** As a move Hire accepted left it: active in {@code to}, since a time only Hire knows until it is read again. */
  public Application movedTo(Stage to) {
    return movedTo(to, null);
  }

  /**
   * As a move Hire accepted at {@code at} left it: a card drawn from it says the application has been in {@code to}
   * since then (left unknown, the row counted its days in the stage from the application's date).
   */
  public Application movedTo(Stage to, Instant at) {
    return new Application(id, jobId, talentId, talentName, to, true, appliedAt, at, progress);
  }

  /** The same application in the same stage as its process describes it (numbered among nameless rounds). */
  public Application inStage(Stage named) {
    return new Application(id, jobId, talentId, talentName, named, active, appliedAt, stageEnteredAt, progress);
  }

  /** As a rejection (false) or its undoing (true) Hire accepted left it, in the stage it was in. */
  public Application withActive(boolean nowActive) {
    return new Application(id, jobId, talentId, talentName, stage, nowActive, appliedAt, stageEnteredAt, progress);
  }

  /** The same application, in its stage since {@code at}. */
  public Application enteredAt(Instant at) {
    return new Application(id, jobId, talentId, talentName, stage, active, appliedAt, at, progress);
  }

  /** The same application with its written test joined in. */
  public Application withTest(WrittenTest test) {
    return new Application(id, jobId, talentId, talentName, stage, active, appliedAt, stageEnteredAt,
        progress.withTest(test));
  }
}

package io.hirebot.hire;

import java.time.Instant;

/**
 * A change the bot wrote to Hire for someone: a stage move, a rejection or its Undo, with what Hire's own records
 * cannot say. Hire's application history ({@code stage_time_list}) keeps one entry per stage with the latest time the
 * application entered it, and no one's name, so a move back (an Undo) overwrites the earlier entry into that stage; and
 * Hire keeps no trace of a rejection's Undo.
 *
 * @param fromStageId the stage a move left; the stage a rejection or restore left the application in
 * @param fromEnteredAt when the application had entered {@code fromStageId}, as Hire said before the change (null if
 *     it did not say): the entry a later move back into that stage makes Hire forget
 * @param undo whether the change undid the one before (a move back by Undo; every restore)
 * @param reason a rejection's reason as Hire named it then; null for any other change
 */
public record OwnChange(Kind kind, String applicationId, Instant at, String actorOpenId, String fromStageId,
    Instant fromEnteredAt, String toStageId, boolean undo, TerminationReason reason) {

  /** What the change did. */
  public enum Kind {
    MOVE, REJECT, RESTORE
  }

  /** A stage move; {@code undo} for the move back of an Undo. */
  public static OwnChange move(String applicationId, Instant at, String actorOpenId, String fromStageId,
      Instant fromEnteredAt, String toStageId, boolean undo) {
    return new OwnChange(Kind.MOVE, applicationId, at, actorOpenId, fromStageId, fromEnteredAt, toStageId, undo, null);
  }

  /** The rejection of {@code a}, in the stage it is in, for {@code reason}. */
  public static OwnChange rejection(Application a, Instant at, String actorOpenId, TerminationReason reason) {
    return new OwnChange(Kind.REJECT, a.id(), at, actorOpenId, a.stage().id(), a.stageEnteredAt(), a.stage().id(),
        false, reason);
  }

  /** The Undo of {@code a}'s rejection: back in the pipeline, in the stage it was rejected in. */
  public static OwnChange restore(Application a, Instant at, String actorOpenId) {
    return new OwnChange(Kind.RESTORE, a.id(), at, actorOpenId, a.stage().id(), a.stageEnteredAt(), a.stage().id(),
        true, null);
  }

  /** Who made it; null when no one was named (a click without its operator). */
  public String by() {
    return actorOpenId == null || actorOpenId.isBlank() ? null : actorOpenId;
  }
}

package io.hirebot.hire;

import java.util.List;
import java.util.Optional;

/**
 * The changes Feishu Hire takes on one application, so a card offers those and no others (reference §5): a rejection
 * (terminate) and a move (transfer_stage) of an active application that is not a hire; Advance only to a next stage
 * the API may enter. A hire takes neither: Hire refuses to terminate one, and to transfer into or out of the onboarded
 * stage (both 1002205). Joining is not a move either: an application in pending onboarding joins through Hire's own
 * onboarding (transfer_onboard, the UI's 办理入职, which needs the onboarding data a chat has not got), so it has no
 * Advance, though it may still be rejected or moved back.
 *
 * @param advance the stage Advance moves to, if any
 * @param moves the stages Move may choose from
 * @param reject whether Reject is taken
 * @param joinsInHire the application waits in pending onboarding: why it has no Advance, which its card may say
 */
public record Changes(Optional<Stage> advance, List<Stage> moves, boolean reject, boolean joinsInHire) {
  public static final Changes NONE = new Changes(Optional.empty(), List.of(), false, false);

  public Changes {
    moves = List.copyOf(moves);
  }

  /** What Hire takes on {@code a}, in its job's {@code process} (null when unknown: no move offered, as none is known). */
  public static Changes of(JobProcess process, Application a) {
    if (!a.active() || a.joined()) {
      return NONE;
    }
    boolean pending = a.stage() != null && a.stage().type() == StageType.PENDING_ONBOARDING;
    if (process == null || a.stage() == null) {
      return new Changes(Optional.empty(), List.of(), true, pending);
    }
    String at = a.stage().id();
    return new Changes(process.nextMovable(at), process.movableFrom(at), true, pending);
  }
}

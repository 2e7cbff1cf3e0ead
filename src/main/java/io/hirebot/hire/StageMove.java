package io.hirebot.hire;

import java.time.Instant;

/**
 * A stage move the bot wrote to Hire for someone: what Hire's application history cannot say. Hire keeps one entry per
 * stage with the latest time the application entered it ({@code stage_time_list}), and no one's name, so a move back
 * (an Undo) overwrites the earlier entry into that stage.
 *
 * @param fromEnteredAt when the application had entered the stage it left, as Hire said before the move (null if it
 *     did not say): the entry a later move back into that stage makes Hire forget
 * @param undo whether the move undid the one before (Undo)
 */
public record StageMove(String applicationId, Instant at, String actorOpenId, String fromStageId,
    Instant fromEnteredAt, String toStageId, boolean undo) {}

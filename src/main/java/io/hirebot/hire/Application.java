package io.hirebot.hire;

import java.time.Instant;

/**
 * One talent's application to one job, with what a candidate row shows.
 *
 * @param stageEnteredAt when the application entered its current stage (null if Hire did not say)
 */
public record Application(
    String id,
    String jobId,
    String talentId,
    String talentName,
    Stage stage,
    boolean active,
    Instant appliedAt,
    Instant stageEnteredAt) {}

package io.hirebot.hire;

import java.time.Instant;

/** A note on a talent; private notes are never shown by the bot. */
public record Note(String id, String applicationId, String creatorId, String content, Instant createdAt,
    boolean isPrivate) {}

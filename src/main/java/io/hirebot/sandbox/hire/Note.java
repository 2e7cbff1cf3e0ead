package io.hirebot.sandbox.hire;

/** A note on a talent (optionally on one application); privacy 1 private, 2 public. */
public record Note(String id, String talentId, String applicationId, String creatorId, String content, int privacy, long createTime) {}

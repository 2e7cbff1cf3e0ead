package io.hirebot.sandbox.hire;

/** A resume evaluation; commit 1 submitted / 2 not; conclusion 1 pass / 2 fail. */
public record Evaluation(
    String id, String applicationId, String stageId, String evaluatorId, int commitStatus, int conclusion,
    String content, long createTime) {}

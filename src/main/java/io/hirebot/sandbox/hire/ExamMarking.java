package io.hirebot.sandbox.hire;

/**
 * A written test waiting to be (or already) marked by a reviewer: one item of {@code exam_marking_tasks}. The
 * time is the sandbox's own (when the candidate finished the test); Feishu's task items carry none.
 */
public record ExamMarking(String id, String applicationId, String reviewerId, boolean marked, long completedTime) {}

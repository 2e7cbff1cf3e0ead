package io.hirebot.sandbox.hire;

/**
 * A written test of an application, in the fields of SDK 2.5.3's {@code hire.v1.model.Test} that tests/search
 * returns; status per Feishu: 1 not arranged, 2 not answered, 3 answered, 4 awaiting marking, 5 passed, 6 failed,
 * 7 arrangement failed; reply 1 accepted, 2 declined, 3 no answer; score empty before marking; times ms.
 */
public record WrittenTest(
    String id, String applicationId, String talentId, String jobId, String paperId, String paperName,
    int replyStatus, int status, long startTime, long endTime, String score, String reviewerId, long createdAt) {}

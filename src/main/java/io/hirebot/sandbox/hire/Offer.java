package io.hirebot.sandbox.hire;

/** An offer of an application; status per Feishu (2 approving, 4 approved, 6 sent, 7 accepted, 8 declined, 10 created…). */
public record Offer(
    String id, String applicationId, String jobId, String talentId, int status, int offerType,
    long createTime, String onboardDate, String ownerId, String leaderId) {}

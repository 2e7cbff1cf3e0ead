package io.hirebot.sandbox.hire;

/**
 * The employee record Hire makes when a candidate joins (SDK 2.5.3 {@code Employee} / get_detail's
 * {@code EmployeeV2}): onboardStatus 1 joined, 2 left; onboardTime ms, when they really joined (transfer_onboard's
 * actual_onboard_time, "实际入职时间"), not when the join was recorded. Its existence is what get_detail's
 * {@code basic_info.onboard_status} reports (2 joined, 1 not).
 */
public record Employee(String id, String applicationId, int onboardStatus, long onboardTime) {
  public static final int JOINED = 1;
  public static final int LEFT = 2;
}

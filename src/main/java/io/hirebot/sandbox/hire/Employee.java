package io.hirebot.sandbox.hire;

/**
 * The employee record Hire makes when a candidate joins (SDK 2.5.3 {@code Employee} / get_detail's
 * {@code EmployeeV2}); onboardStatus 1 joined, 2 left; onboardTime ms.
 */
public record Employee(String id, String applicationId, int onboardStatus, long onboardTime) {}

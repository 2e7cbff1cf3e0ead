package io.hirebot.sandbox.hire;

/** A reason for terminating an application; type 1 we rejected, 22 candidate declined, 27 other; active 1/2. */
public record TerminationReason(String id, String zhName, String enName, int type, int activeStatus) {}

package io.hirebot.hire;

/**
 * An offer of an application; {@code status} is Hire's code (1 not started … 7 accepted, 8 declined …),
 * null when Hire did not say.
 */
public record Offer(String id, String applicationId, Integer status) {}

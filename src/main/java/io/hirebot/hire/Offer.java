package io.hirebot.hire;

/**
 * The offer of one application.
 *
 * @param status Hire's offer_status (reference §9): 1 not applied, 2 approving, 3 withdrawn, 4 approved,
 *     5 rejected in approval, 6 sent, 7 accepted, 8 declined, 9 expired, 10 created
 */
public record Offer(String id, String applicationId, int status, String onboardDate) {}

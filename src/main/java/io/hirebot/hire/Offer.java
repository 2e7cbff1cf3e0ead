package io.hirebot.hire;

/**
 * The offer of one application.
 *
 * @param status Hire's offer_status (reference §9): 1 not applied, 2 approving, 3 withdrawn, 4 approved,
 *     5 rejected in approval, 6 sent, 7 accepted, 8 declined, 9 expired, 10 created
 * @param onboardDate "YYYY-MM-DD", empty when the read did not give it (the offer list does not)
 * @param createdAt null when Hire did not say
 */
public record Offer(String id, String applicationId, int status, String onboardDate, java.time.Instant createdAt) {
  /**
   * The statuses of an offer still open, neither accepted nor ended (reference §9): 1 not applied, 2 approving,
   * 4 approved, 6 sent, 10 created. "Pending offers" are these.
   */
  private static final java.util.Set<Integer> PENDING = java.util.Set.of(1, 2, 4, 6, 10);

  /**
   * The statuses of an offer that ended without a hire (reference §9): 3 approval withdrawn, 5 rejected in approval,
   * 8 declined by the candidate, 9 expired. Its onboard_date plans nothing any more.
   */
  private static final java.util.Set<Integer> ENDED = java.util.Set.of(3, 5, 8, 9);

  /** Whether the offer ended without a hire: withdrawn, refused, declined or expired. */
  public boolean ended() {
    return ENDED.contains(status);
  }

  /** Whether the offer is still open: the candidate has not answered it and nothing ended it. */
  public boolean pending() {
    return PENDING.contains(status);
  }

  /** Of two offers of one application (a re-issued offer), the one made last; an undated one loses. */
  public static Offer newer(Offer a, Offer b) {
    if (a.createdAt() == null) {
      return b;
    }
    return b.createdAt() != null && b.createdAt().isAfter(a.createdAt()) ? b : a;
  }
}

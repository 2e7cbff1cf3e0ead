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

  /** Of two offers of one application (a re-issued offer), the one made last; an undated one loses. */
  public static Offer newer(Offer a, Offer b) {
    if (a.createdAt() == null) {
      return b;
    }
    return b.createdAt() != null && b.createdAt().isAfter(a.createdAt()) ? b : a;
  }
}

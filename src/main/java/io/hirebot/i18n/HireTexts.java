package io.hirebot.i18n;

import java.util.Set;

/** Message keys for Hire's status codes (offer status, interview round summary), one key per known code. */
public final class HireTexts {
  private static final Set<Integer> OFFER_STATUSES = Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
  private static final Set<Integer> INTERVIEW_RESULTS = Set.of(2, 3, 4, 5, 6);

  private HireTexts() {}

  /**
   * " · 3 hired" after a count of active candidates, or nothing when there are no hires: the onboarded are counted
   * apart from the active ({@link io.hirebot.hire.Stage#hired}) wherever a card counts a job's candidates.
   */
  public static String hiredSuffix(Messages messages, Language lang, int hired) {
    return hired == 0 ? "" : messages.get(lang, "hired.suffix", hired);
  }

  /** "offer.status.6" for a known code, "offer.status.other" otherwise. */
  public static String offerStatusKey(int status) {
    return "offer.status." + (OFFER_STATUSES.contains(status) ? String.valueOf(status) : "other");
  }

  /** "interview.result.4" for a known interview_round_summary, "interview.result.other" otherwise. */
  public static String interviewResultKey(int summary) {
    return "interview.result." + (INTERVIEW_RESULTS.contains(summary) ? String.valueOf(summary) : "other");
  }
}

package io.hirebot.i18n;

import io.hirebot.hire.Interview;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Texts of Hire's data that several cards share: message keys for its status codes (offer status, interview round
 * summary), one key per known code, and an interview's interviewers.
 */
public final class HireTexts {
  /** The most interviewers an interview's line names one by one. */
  public static final int MAX_NAMED = 6;

  private static final Set<Integer> OFFER_STATUSES = Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
  private static final Set<Integer> INTERVIEW_RESULTS = Set.of(2, 3, 4, 5, 6);
  private static final int UNSET = 0;
  private static final int NOT_STARTED = 2;

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

  /**
   * "interview.result.2" (scheduled) for an interview still to come, whatever its interview_round_summary: Hire's code
   * may be unset or lag the clock, and "feedback in progress" of an interview not yet held misleads. For one held whose
   * code Hire left unset, "interview.result.submitted" when every listed interviewer handed feedback in and
   * "interview.result.awaiting" otherwise; else "interview.result.4" for a known code, "interview.result.other" (mixed
   * or partial outcomes) for the rest.
   */
  public static String interviewResultKey(Interview interview, Instant now) {
    int summary = interview.summary();
    if (interview.upcoming(now)) {
      summary = NOT_STARTED;
    } else if (summary == UNSET) {
      boolean allIn = !interview.feedback().isEmpty()
          && interview.feedback().stream().allMatch(Interview.Feedback::submitted);
      return allIn ? "interview.result.submitted" : "interview.result.awaiting";
    }
    return "interview.result." + (INTERVIEW_RESULTS.contains(summary) ? String.valueOf(summary) : "other");
  }

  /**
   * The interviewers of an interview as a list ("Liu Yang and Chen Jing"), or "no interviewer listed" when Hire lists
   * none: a row of an interview nobody is assigned to must say so, not show an empty name. A panel of more than
   * {@link #MAX_NAMED} names its first {@code MAX_NAMED - 1}, in Hire's order, and counts the rest ("… and 25 more").
   */
  public static String interviewers(Messages messages, Language lang, List<String> names) {
    if (names.size() > MAX_NAMED) {
      // A panel of thirty named in full buried its row (and every other line of a profile) under names.
      List<String> shown = new java.util.ArrayList<>(names.subList(0, MAX_NAMED - 1));
      shown.add(messages.get(lang, "interview.moreInterviewers", names.size() - (MAX_NAMED - 1)));
      return messages.list(lang, shown);
    }
    return names.isEmpty() ? messages.get(lang, "interview.noInterviewers") : messages.list(lang, names);
  }
}

package io.hirebot.cards;

/**
 * The card actions whose buttons sit on other features' cards, spelled once: features do not import each other,
 * so the id a button carries and the id its feature answers meet here. The answering feature (named on each)
 * registers its handler under this constant; ids no other card carries stay in that feature.
 */
public final class SharedActions {
  /** A job's candidate list (feature/candidates): on job pickers, jobs, pipeline, digest and notification cards. */
  public static final String CANDIDATES_SHOW = "candidates.show";
  /**
   * The view of a candidates list at a page (feature/candidates), and of a talent's profile (feature/profile): what
   * the bot's conversation memory reads to know which list or person a card showed after a click.
   */
  public static final String CANDIDATES_PAGE = "candidates.page";
  public static final String PROFILE_PAGE = "profile.page";
  /** A talent's profile replacing the clicked card (feature/profile): on interview, offer, reminder cards. */
  public static final String PROFILE_OPEN = "profile";
  /** Quick actions on an application (feature/candidates): on candidate lists and profiles. */
  public static final String ADVANCE = "advance";
  public static final String REJECT = "reject";
  public static final String NOTE = "note";
  /** "Follow this job here" (feature/subscriptions): on candidate lists. */
  public static final String FOLLOW = "subscribe";

  private SharedActions() {}
}

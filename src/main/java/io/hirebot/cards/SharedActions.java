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
   * Key in the values of a "Which job?" or "no such job" card's buttons ({@link JobChoiceCard}): the job is picked to
   * answer a question the clicker asked, so its answer takes that card's place. The same action on a shared card (the
   * jobs card, a digest, a notification) carries no such key, and its answer leaves that card as it is.
   */
  public static final String PICKED = "picked";
  /**
   * The view of a candidates list at a page (feature/candidates), and of a talent's profile (feature/profile): what
   * the bot's conversation memory reads to know which list or person a card showed after a click.
   */
  public static final String CANDIDATES_PAGE = "candidates.page";
  public static final String PROFILE_PAGE = "profile.page";
  /**
   * A talent's profile opened from the clicked card (feature/profile): a new message replying to it in a group, in its
   * place with a way back in a private chat; on candidate rows (⋯), interview, tasks, offer, onboarding, reminder,
   * notification, typed-change short, "where is" and "Nothing changed" cards.
   */
  public static final String PROFILE_OPEN = "profile";
  /**
   * Key in a profile's view and in its buttons' values: the value that shows the card the profile was opened from, so
   * the profile offers "Back to the list". A {@link #PROFILE_OPEN} value carries it where the button knows the way
   * back better than the card's recorded view (a form's "Back to the profile").
   */
  public static final String BACK = "back";
  /** Quick actions on an application (feature/candidates): on candidate lists and profiles. */
  public static final String ADVANCE = "advance";
  public static final String REJECT = "reject";
  public static final String NOTE = "note";
  /**
   * The guarded writes themselves (feature/candidates): the submits of its forms, and the Confirm of a change typed
   * in words (feature/actions), which names the same target and runs the same path as the forms.
   */
  public static final String MOVE_CONFIRM = "move.confirm";
  public static final String REJECT_CONFIRM = "reject.confirm";
  public static final String NOTE_SUBMIT = "note.submit";
  /**
   * Callback-value key of a confirmation's expiry (epoch ms): a click after it writes nothing, whatever it asks
   * (feature/candidates' guard checks it).
   */
  public static final String EXPIRES = "expires";
  /** Callback-value key of the fields a confirmation carries instead of a form's ({@code stage}, {@code note}, …). */
  public static final String FIELDS = "form";
  /** "Follow this job here" (feature/subscriptions): on candidate lists. */
  public static final String FOLLOW = "subscribe";
  /** "✓ Following · Unfollow" (feature/subscriptions): on candidate lists of a job the chat follows. */
  public static final String UNFOLLOW = "unfollow";
  /**
   * Key in a {@link #FOLLOW} or {@link #UNFOLLOW} value: the view of the list the button sits on (a
   * {@link #CANDIDATES_PAGE} value), drawn again once the chat follows the job, or no longer does.
   */
  public static final String LIST = "list";

  private SharedActions() {}
}

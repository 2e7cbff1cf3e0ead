package io.hirebot.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The synchronous answer to a card click: a toast, and optionally the card that replaces the clicked one.
 *
 * @param card the new card, or null to leave the card as it is
 * @param view the callback value that renders {@code card} again (see {@link Reply.Card}), or null
 * @param repeated whether this answers a click already answered (a double click), which changed nothing
 */
public record ActionResult(Toast toast, ObjectNode card, ObjectNode view, boolean repeated) {

  /** The answer of a click that acted (or refused): the audit records its own outcome. */
  public ActionResult(Toast toast, ObjectNode card, ObjectNode view) {
    this(toast, card, view, false);
  }

  /** A card that nothing re-renders (a form, a picker). */
  public ActionResult(Toast toast, ObjectNode card) {
    this(toast, card, null);
  }

  /** The same answer given again to a repeated click, which did nothing itself (the audit says "duplicate"). */
  public ActionResult asRepeated() {
    return new ActionResult(toast, card, view, true);
  }

  /** A toast alone: the card stays as it is. */
  public static ActionResult of(Toast toast) {
    return new ActionResult(toast, null);
  }
}

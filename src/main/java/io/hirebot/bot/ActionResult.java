package io.hirebot.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The synchronous answer to a card click: a toast, and optionally the card that replaces the clicked one.
 *
 * @param card the new card, or null to leave the card as it is
 * @param view the callback value that renders {@code card} again (see {@link Reply.Card}), or null
 */
public record ActionResult(Toast toast, ObjectNode card, ObjectNode view) {

  /** A card that nothing re-renders (a form, a picker). */
  public ActionResult(Toast toast, ObjectNode card) {
    this(toast, card, null);
  }

  /** A toast alone: the card stays as it is. */
  public static ActionResult of(Toast toast) {
    return new ActionResult(toast, null);
  }
}

package io.hirebot.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The synchronous answer to a card click: a toast, and optionally the card that replaces the clicked one.
 *
 * @param card the new card, or null to leave the card as it is
 * @param view the callback value that renders {@code card} again (see {@link Reply.Card}), or null
 */
public record ActionResult(ToastType toastType, String toast, ObjectNode card, ObjectNode view) {
  /** Feishu's toast kinds. */
  public enum ToastType { INFO, SUCCESS, ERROR, WARNING }

  /** A card that nothing re-renders (a form, a picker). */
  public ActionResult(ToastType toastType, String toast, ObjectNode card) {
    this(toastType, toast, card, null);
  }

  public static ActionResult info(String text) {
    return new ActionResult(ToastType.INFO, text, null);
  }

  public static ActionResult error(String text) {
    return new ActionResult(ToastType.ERROR, text, null);
  }

  /** The same answer with another toast (the card stays). */
  public ActionResult withToast(ToastType type, String text) {
    return new ActionResult(type, text, card, view);
  }
}

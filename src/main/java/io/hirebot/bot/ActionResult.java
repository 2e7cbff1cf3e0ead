package io.hirebot.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The synchronous answer to a card click: a toast, and optionally the card that replaces the clicked one.
 *
 * @param card the new card, or null to leave the card as it is
 */
public record ActionResult(ToastType toastType, String toast, ObjectNode card) {
  /** Feishu's toast kinds. */
  public enum ToastType { INFO, SUCCESS, ERROR, WARNING }

  public static ActionResult info(String text) {
    return new ActionResult(ToastType.INFO, text, null);
  }

  public static ActionResult error(String text) {
    return new ActionResult(ToastType.ERROR, text, null);
  }
}

package io.hirebot.cards;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;

/**
 * The pager of a list card: a label and previous/next buttons whose callback values are the list's own
 * value (its action and filters) with the target page, so a click re-reads exactly that list.
 */
public final class Pager {
  /**
   * The key of the page in a pager's callback value, from 0. A card's view (the value that renders it again) that has
   * one is that card's pager value: set another page in it and it shows that page, as the pager's button does, which is
   * how a typed "page 2" pages whatever card was shown last.
   */
  public static final String PAGE = "page";
  /** Rows per page of every list card: readable on a phone and far inside the 200-component limit. */
  public static final int PAGE_SIZE = 10;

  private Pager() {}

  /** The number of pages for {@code total} rows, at least one. */
  public static int pages(int total, int pageSize) {
    return Math.max(1, (total + pageSize - 1) / pageSize);
  }

  /** A rendered page of a list card, and which page it is (clamped to those that exist, so not always the one asked). */
  public record Page(ObjectNode card, int page) {}

  /** The page, clamped to those that exist. */
  public static int clamp(int page, int pages) {
    return Math.max(0, Math.min(page, pages - 1));
  }

  /**
   * Puts a {@code pager} object into {@code model} when there is more than one page.
   *
   * @param value the callback value of this list (action, ids, filters, lang); copied, never modified
   */
  public static void put(ObjectNode model, int page, int pages, int total, ObjectNode value, Messages messages,
      Language lang) {
    if (pages <= 1) {
      return;
    }
    ObjectNode pager = model.putObject("pager");
    pager.put("label", messages.get(lang, "pager.label", page + 1, pages, total));
    pager.put("firstPage", page == 0);
    pager.put("lastPage", page >= pages - 1);
    pager.set("previous", value.deepCopy().put(PAGE, Math.max(0, page - 1)));
    pager.set("next", value.deepCopy().put(PAGE, Math.min(pages - 1, page + 1)));
  }
}

package io.hirebot.cards;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;

/**
 * The line a list-shaped card shows when it lists fewer rows than it has ({@link Cards#fitRows}): "Showing 5 of 20:
 * more would not fit one Feishu card." and where to see the rest; drawn by the {@code shown} partial. Pure.
 */
public final class RowsShown {
  /** The model's key of the line, which {@code cards/partials/shown.json} draws. */
  public static final String KEY = "shown";

  private RowsShown() {}

  /**
   * Puts the line into {@code model} when {@code shown < total}.
   *
   * @param rest where to see the rows left out, composed as markdown from an i18n text (a narrower command, the
   *     next page, Feishu Hire)
   */
  public static void put(ObjectNode model, int shown, int total, String rest, Messages messages, Language lang) {
    if (shown < total) {
      model.put(KEY, Markdown.message(messages, lang, "cards.shown", shown, total, new Markdown.Own(rest)));
    }
  }
}

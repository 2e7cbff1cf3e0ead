package io.hirebot.feature.candidates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.i18n.DateTexts;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A line at the top of a refreshed candidates card saying what just happened (who did what, when,
 * why), with an optional Undo button whose callback value is {@code undo}.
 *
 * @param dated the same text with the day written with the time ("· Mon Nov 30 23:58"), for a re-render after the
 *     midnight that followed {@code at} (the moment of the change; null for a notice nothing keeps)
 */
record Notice(String text, ObjectNode undo, String dated, Instant at) {
  /** Where a list's view keeps a notice with an Undo, so the card's re-renders show it until the Undo expires. */
  static final String KEPT = "outcome";

  /** A notice whose text reads the same on any day. */
  Notice(String text, ObjectNode undo) {
    this(text, undo, text, null);
  }

  public static Notice of(String text) {
    return new Notice(text, null);
  }

  /**
   * The view with this notice kept in it when it offers an Undo: the Undo was promised for its whole window, and a
   * re-render for any other change (another application of the job moving) must not take it away. A notice without
   * one says what a click just did and goes with the next re-render.
   */
  ObjectNode keptIn(ObjectNode view) {
    if (undo != null) {
      ObjectNode kept = view.putObject(KEPT).put("text", text).put("dated", dated).set("undo", undo);
      if (at != null) {
        kept.put("at", at.toEpochMilli());
      }
    }
    return view;
  }

  /**
   * The notice a view keeps, while its Undo (see {@link ActionKit#undoValue}) is still open, as it reads {@code now}:
   * after the midnight (in {@code zone}) that followed the change, with its day; else null.
   */
  static Notice keptBy(JsonNode view, Instant now, ZoneId zone) {
    JsonNode kept = view.path(KEPT);
    if (!kept.path("undo").isObject() || kept.path("undo").path("until").asLong(0) < now.toEpochMilli()) {
      return null;
    }
    String text = kept.path("text").asText("");
    String dated = kept.path("dated").asText(text);
    Instant at = Instant.ofEpochMilli(kept.path("at").asLong(now.toEpochMilli()));
    return new Notice(DateTexts.beforeToday(at, now, zone) ? dated : text, (ObjectNode) kept.get("undo"), dated, at);
  }
}

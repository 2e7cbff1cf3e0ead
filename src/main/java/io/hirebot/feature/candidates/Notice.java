package io.hirebot.feature.candidates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A line at the top of a refreshed candidates card saying what just happened (who did what, when,
 * why), with an optional Undo button whose callback value is {@code undo}.
 */
record Notice(String text, ObjectNode undo) {
  /** Where a list's view keeps a notice with an Undo, so the card's re-renders show it until the Undo expires. */
  static final String KEPT = "outcome";

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
      view.putObject(KEPT).put("text", text).set("undo", undo);
    }
    return view;
  }

  /** The notice a view keeps, while its Undo (see {@link ActionKit#undoValue}) is still open; else null. */
  static Notice keptBy(JsonNode view, long nowMillis) {
    JsonNode kept = view.path(KEPT);
    if (!kept.path("undo").isObject() || kept.path("undo").path("until").asLong(0) < nowMillis) {
      return null;
    }
    return new Notice(kept.path("text").asText(""), (ObjectNode) kept.get("undo"));
  }
}

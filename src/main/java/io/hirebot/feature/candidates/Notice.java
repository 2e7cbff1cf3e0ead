package io.hirebot.feature.candidates;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A line at the top of a refreshed candidates card saying what just happened (who did what, when,
 * why), with an optional Undo button whose callback value is {@code undo}.
 */
record Notice(String text, ObjectNode undo) {
  public static Notice of(String text) {
    return new Notice(text, null);
  }
}

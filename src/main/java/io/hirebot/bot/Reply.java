package io.hirebot.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a command answers with: a text message or an interactive card (JSON 2.0). */
public sealed interface Reply {
  record Text(String text) implements Reply {}

  /**
   * @param view the callback value that renders this card again (living cards re-render it on a stage change),
   *     or null for a card nothing should re-render
   */
  record Card(ObjectNode card, ObjectNode view) implements Reply {}

  static Reply card(ObjectNode card) {
    return new Card(card, null);
  }

  static Reply card(ObjectNode card, ObjectNode view) {
    return new Card(card, view);
  }
}

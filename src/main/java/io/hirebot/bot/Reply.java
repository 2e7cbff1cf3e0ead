package io.hirebot.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a command answers with: a text message or an interactive card (JSON 2.0). */
public sealed interface Reply {
  record Text(String text) implements Reply {}

  record Card(ObjectNode card) implements Reply {}

  static Reply card(ObjectNode card) {
    return new Card(card);
  }
}

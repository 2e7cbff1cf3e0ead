package io.hirebot.command;

import io.hirebot.i18n.Language;

/** What {@link CommandParser#parse} made of a message. */
public sealed interface ParseResult {
  Language language();

  /** The text is a command. */
  record Parsed(Command command, Language language) implements ParseResult {}

  /**
   * The text is not a command we know (or lacks a required part). {@code suggestion} is the closest
   * command as the user should type it (in their language), or empty when nothing is close.
   */
  record Unknown(String text, String suggestion, Language language) implements ParseResult {}
}

package io.hirebot.command;

import io.hirebot.i18n.Language;

/** What {@link CommandParser#parse} made of a message. */
public sealed interface ParseResult {
  Language language();

  /** The text is a command. */
  record Parsed(Command command, Language language) implements ParseResult {}

  /**
   * The text is not a command we know (or lacks a required part, or has one out of range). {@code suggestion} is
   * the closest command as the user should type it (in their language), or empty when nothing is close;
   * {@code problem} says what was wrong with a command recognised by its words, null when none was.
   */
  record Unknown(String text, String suggestion, Language language, Problem problem) implements ParseResult {
    /** Text that is no command, or one with a part missing: the suggestion says it all. */
    public Unknown(String text, String suggestion, Language language) {
      this(text, suggestion, language, null);
    }
  }

  /**
   * What is wrong with the argument of a recognised command ("quiet 25:00-08:00", "audit 0"): its kind, and the
   * argument as typed.
   */
  record Problem(Kind kind, String given) {
    public enum Kind {
      /** {@code given} is no time of day (25:00, 08:75). */
      NOT_A_TIME,
      /** quiet hours that would start and end at the same time; {@code given} is "from-to" as typed. */
      EMPTY_WINDOW,
      /** a message longer than any command ({@link CommandParser#MAX_INPUT_LENGTH}); {@code given} is its length. */
      TOO_LONG,
      /** {@code given} is not a number of audit entries the bot shows (1 to {@link Command.Audit#MAX}). */
      AUDIT_RANGE,
      /** {@code given} is no time zone Java knows (an IANA name, UTC or an offset such as UTC+8). */
      UNKNOWN_ZONE
    }
  }
}

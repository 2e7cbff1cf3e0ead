package io.hirebot.command;

import io.hirebot.i18n.Language;

/**
 * Turns the text of a chat message (the bot's own mention already removed) into a {@link ParseResult}:
 * a pure, thread-safe function that never throws.
 */
public final class CommandParser {

  /** Longer messages are refused without a suggestion: commands are short, and this bounds the work. */
  public static final int MAX_INPUT_LENGTH = 500;

  /** Parses {@code text} (null is treated as empty); unknown text gets the closest command as a suggestion. */
  public ParseResult parse(String text) {
    String original = text == null ? "" : text;
    Language language = LanguageDetector.detect(original);
    if (original.codePointCount(0, original.length()) > MAX_INPUT_LENGTH) {
      return new ParseResult.Unknown(original, "", language);
    }
    Utterance utterance = Utterance.of(original);
    // NFKC can expand a character into several ("㍿" → "株式会社"), so check again after normalizing.
    if (utterance.text().length() > MAX_INPUT_LENGTH) {
      return new ParseResult.Unknown(original, "", language);
    }
    return Grammar.match(utterance)
        .orElseGet(() -> new ParseResult.Unknown(original, SuggestionFinder.suggest(utterance), language));
  }
}

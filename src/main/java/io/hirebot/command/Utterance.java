package io.hirebot.command;

import io.hirebot.i18n.Language;

/**
 * A message ready for the grammar: {@code original} as received, {@code text} normalized with filler words removed,
 * the language to answer in, and {@code normalized}: the text before fillers were removed (a follow-up's "呢" or
 * "please" is filler to the grammar but part of the follow-up's shape).
 */
record Utterance(String original, String text, Language language, String normalized) {

  Utterance(String original, String text, Language language) {
    this(original, text, language, text);
  }

  /** Normalizes and strips fillers; the language is decided on the text as received. */
  static Utterance of(String original) {
    return of(original, LanguageDetector.detect(original));
  }

  static Utterance of(String original, Language language) {
    String normalized = TextNormalizer.normalize(original);
    return new Utterance(original, FillerWords.strip(normalized), language, normalized);
  }
}

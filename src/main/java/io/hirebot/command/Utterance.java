package io.hirebot.command;

import io.hirebot.i18n.Language;

/**
 * A message ready for the grammar: {@code original} as received, {@code text} normalized with filler
 * words removed, and the language to answer in.
 */
record Utterance(String original, String text, Language language) {

  /** Normalizes and strips fillers; the language is decided on the text as received. */
  static Utterance of(String original) {
    String text = FillerWords.strip(TextNormalizer.normalize(original));
    return new Utterance(original, text, LanguageDetector.detect(original));
  }
}

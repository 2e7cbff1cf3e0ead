package io.hirebot.command;

import io.hirebot.i18n.Language;

/** Decides which language to answer in: any Chinese character makes a message Chinese. */
final class LanguageDetector {

  private LanguageDetector() {}

  /** {@link Language#ZH} when the text holds a CJK ideograph (mixed text included), else {@link Language#EN}. */
  static Language detect(String text) {
    // A loop rather than a stream: it runs on every message, and most are short ASCII.
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (cp >= 0x2E80 && isIdeograph(cp)) {
        return Language.ZH;
      }
      i += Character.charCount(cp);
    }
    return Language.EN;
  }

  private static boolean isIdeograph(int codePoint) {
    return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
  }
}

package io.hirebot.command;

import io.hirebot.i18n.Language;

/** Decides which language to answer in: any Chinese character makes a message Chinese. */
final class LanguageDetector {

  private LanguageDetector() {}

  /** {@link Language#ZH} when the text holds a CJK ideograph (mixed text included), else {@link Language#EN}. */
  static Language detect(String text) {
    return text.codePoints().anyMatch(LanguageDetector::isIdeograph) ? Language.ZH : Language.EN;
  }

  private static boolean isIdeograph(int codePoint) {
    return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
  }
}

package io.hirebot.command;

import io.hirebot.i18n.Language;
import io.hirebot.util.EditDistance;
import java.util.Arrays;

/** Typo arithmetic: how many typos a word of a given length may absorb, and which ones are slips of the hand. */
final class Typos {

  private static final int LATIN_EXACT_UP_TO = 3;
  private static final int LATIN_ONE_TYPO_UP_TO = 5;
  private static final int LATIN_TWO_TYPOS_UP_TO = 10;
  private static final int CJK_EXACT_UP_TO = 1;
  private static final int CJK_ONE_TYPO_UP_TO = 5;

  private Typos() {}

  /**
   * Typos a phrase of this length may carry and still be recognized: none for very short words (too many
   * real words are one letter apart), more for longer phrases; a Chinese character counts for more than a letter.
   */
  static int allowedTypos(String target) {
    int length = target.length();
    if (LanguageDetector.detect(target) == Language.ZH) {
      return length <= CJK_EXACT_UP_TO ? 0 : length <= CJK_ONE_TYPO_UP_TO ? 1 : 2;
    }
    if (length <= LATIN_EXACT_UP_TO) {
      return 0;
    }
    return length <= LATIN_ONE_TYPO_UP_TO ? 1 : length <= LATIN_TWO_TYPOS_UP_TO ? 2 : 3;
  }

  /**
   * Whether {@code word} is {@code target} with one dropped, doubled or swapped letter; a single substituted
   * letter does not count, because it usually makes another real word ("shop", "lisp").
   */
  static boolean isSlip(String word, String target) {
    if (word.equals(target) || EditDistance.distance(word, target, 1) != 1) {
      return false;
    }
    return word.length() != target.length() || sameLetters(word, target);
  }

  private static boolean sameLetters(String a, String b) {
    char[] left = a.toCharArray();
    char[] right = b.toCharArray();
    Arrays.sort(left);
    Arrays.sort(right);
    return Arrays.equals(left, right);
  }
}

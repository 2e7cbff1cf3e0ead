package io.hirebot.command;

import io.hirebot.i18n.Language;
import java.util.Arrays;

/** Typo arithmetic: how many keystrokes apart two strings are, and how many a word of a given length may absorb. */
final class EditDistance {

  private static final int LATIN_EXACT_UP_TO = 3;
  private static final int LATIN_ONE_TYPO_UP_TO = 5;
  private static final int LATIN_TWO_TYPOS_UP_TO = 10;
  private static final int CJK_EXACT_UP_TO = 1;
  private static final int CJK_ONE_TYPO_UP_TO = 5;

  private EditDistance() {}

  /**
   * Optimal-string-alignment distance (insert, delete, substitute, swap adjacent), counted in UTF-16 units;
   * stops early and returns {@code limit + 1} once the distance must exceed {@code limit}.
   */
  static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int[] twoBack = new int[b.length() + 1];
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMinimum = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int best = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          best = Math.min(best, twoBack[j - 2] + 1);
        }
        current[j] = best;
        rowMinimum = Math.min(rowMinimum, best);
      }
      if (rowMinimum > limit) {
        return limit + 1;
      }
      int[] recycled = twoBack;
      twoBack = previous;
      previous = current;
      current = recycled;
    }
    return Math.min(previous[b.length()], limit + 1);
  }

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
    if (word.equals(target) || distance(word, target, 1) != 1) {
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

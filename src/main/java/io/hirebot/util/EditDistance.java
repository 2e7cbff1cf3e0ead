package io.hirebot.util;

/**
 * How many keystrokes apart two strings are: the one edit distance of commands' words, job titles and stage names.
 */
public final class EditDistance {
  private EditDistance() {}

  /**
   * Levenshtein distance (insert, delete, substitute), without a limit: for whole titles compared by ratio, where a
   * swap counted as one edit made unrelated words look close ("designer" 3 from the slice "denginee" of "backend engineer", not 4).
   */
  public static int withoutSwaps(String a, String b) {
    return distance(a, b, Math.max(a.length(), b.length()), false);
  }

  /**
   * Optimal-string-alignment distance (insert, delete, substitute, swap adjacent), counted in UTF-16 units;
   * stops early and returns {@code limit + 1} once the distance must exceed {@code limit}.
   */
  public static int distance(String a, String b, int limit) {
    return distance(a, b, limit, true);
  }

  private static int distance(String a, String b, int limit, boolean swaps) {
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
        if (swaps && i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
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
}

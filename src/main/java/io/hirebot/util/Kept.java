package io.hirebot.util;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The rows a card keeps when it cannot list them all: the ones that matter most, shown in the list's own order (a
 * process's stages, a funnel's steps), so that what is left out is what matters least, not what happens to come last.
 * Pure.
 */
public final class Kept {
  private Kept() {}

  /**
   * The {@code n} rows of {@code rows} that come first by {@code first} (ties: the earlier row), in their order in
   * {@code rows}; all of them when {@code n} is as many or more.
   */
  public static <T> List<T> inOrder(List<T> rows, int n, Comparator<? super T> first) {
    if (n >= rows.size()) {
      return rows;
    }
    return IntStream.range(0, rows.size()).boxed()
        .sorted(Comparator.<Integer, T>comparing(rows::get, first).thenComparing(i -> i))
        .limit(Math.max(n, 0)).sorted().map(rows::get).toList();
  }
}

package io.hirebot.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks that a text cut somewhere kept its characters whole: a cut by UTF-16 length can keep the first half of an
 * emoji's surrogate pair, which is no character at all (Feishu may refuse it, or show garbage).
 */
public final class WholeCharacters {
  private WholeCharacters() {}

  /** Fails when {@code text} holds half a surrogate pair. */
  public static void assertWhole(String text) {
    assertTrue(text.codePoints().noneMatch(c -> Character.isSurrogate((char) c) && c <= Character.MAX_VALUE),
        "half an emoji in: " + text.replaceAll("[\\uD800-\\uDFFF]", "?"));
  }
}

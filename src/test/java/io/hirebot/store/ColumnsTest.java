package io.hirebot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The store's one cut of a text to its column: UTF-16 units, never half a surrogate pair. */
class ColumnsTest {
  @Test
  @DisplayName("a text that fits is kept as it is; one too long keeps its whole characters that fit")
  void fit() {
    assertEquals("ab😀", Columns.fit("ab😀", 4), "fits exactly: the emoji's two units are kept");
    assertEquals("ab😀", Columns.fit("ab😀c", 4), "cut after a whole emoji");
    assertEquals("abc", Columns.fit("abc😀", 4), "cut inside the emoji: it is left out whole");
    assertEquals("", Columns.fit("😀", 1));
    assertEquals("", Columns.fit("abc", 0));
  }

  @Test
  @DisplayName("a marked cut ends with … and still fits the column")
  void fitMarked() {
    assertEquals("abc", Columns.fitMarked("abc", 3));
    assertEquals("ab…", Columns.fitMarked("abcd", 3));
    assertEquals("a…", Columns.fitMarked("a😀😀", 3), "the emoji where the cut falls is left out whole");
    assertEquals("张𠮷…", Columns.fitMarked("张𠮷𠮷", 4));
  }
}

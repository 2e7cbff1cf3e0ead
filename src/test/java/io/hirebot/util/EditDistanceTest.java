package io.hirebot.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("EditDistance")
class EditDistanceTest {

  @DisplayName("counts inserts, deletes, substitutions and swaps, capped at limit + 1")
  @ParameterizedTest(name = "[{index}] {0} ↔ {1} = {3} (limit {2})")
  @CsvSource(textBlock = """
      show,       show,       3, 0
      shwo,       show,       3, 1
      candidtes,  candidates, 3, 1
      hello,      help,       3, 2
      帮主,       帮助,       3, 1
      '',         jobs,       9, 4
      abcdefgh,   zz,         2, 3
      kitten,     sitting,    5, 3
      """)
  void measures(String a, String b, int limit, int expected) {
    assertEquals(expected, EditDistance.distance(a, b, limit));
  }

  @Test
  @DisplayName("for titles, counts the whole way and a swap as two edits")
  void withoutSwaps() {
    assertEquals(3, EditDistance.withoutSwaps("kitten", "sitting"));
    assertEquals(15, EditDistance.withoutSwaps("", "backendengineer"));
    assertEquals(2, EditDistance.withoutSwaps("enigneer", "engineer"));
    assertEquals(4, EditDistance.withoutSwaps("designer", "denginee"));
    assertEquals(3, EditDistance.distance("designer", "denginee", 9));
  }
}

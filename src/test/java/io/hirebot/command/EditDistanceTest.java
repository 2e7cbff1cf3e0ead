package io.hirebot.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
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

  @DisplayName("treats dropped, doubled and swapped letters as slips, substitutions not")
  @ParameterizedTest(name = "[{index}] {0} slip of {1}: {2}")
  @CsvSource(textBlock = """
      shwo,   show,  true
      sho,    show,  true
      shoow,  show,  true
      shop,   show,  false
      show,   show,  false
      lisp,   list,  false
      """)
  void detectsSlips(String word, String target, boolean expected) {
    assertEquals(expected, EditDistance.isSlip(word, target));
  }
}

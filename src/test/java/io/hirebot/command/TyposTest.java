package io.hirebot.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Typos")
class TyposTest {

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
    assertEquals(expected, Typos.isSlip(word, target));
  }
}

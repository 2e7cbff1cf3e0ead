package io.hirebot.feature.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a talent's phone reads on the profile: Hire's mobile_code in front, Chinese mobiles grouped 3-4-4. */
class PhoneNumbersTest {

  @ParameterizedTest(name = "[{0}] [{1}] -> [{2}]")
  @DisplayName("country code and number as Hire gives them -> as the profile shows them")
  @CsvSource(delimiter = '|', nullValues = "NULL", emptyValue = "", value = {
      // Chinese mobiles: 11 digits from 1, grouped 3-4-4; the code with or without '+'
      "86    | 18290029119     | +86 182 9002 9119",
      "+86   | 18290029119     | +86 182 9002 9119",
      "' 86 '| 182 9002 9119   | +86 182 9002 9119",
      "86    | 182-9002-9119   | +86 182 9002 9119",
      // a Chinese number that is not a mobile (a landline) stays as given
      "86    | 010 6552 9988   | +86 010 6552 9988",
      // North America: 10 digits, grouped 3-3-4
      "1     | 4155550123      | +1 415 555 0123",
      "+1    | 415-555-0123    | +1 415 555 0123",
      // any other country: the code in front, the number as given
      "44    | 7700 900123     | +44 7700 900123",
      "852   | 51234567        | +852 51234567",
      // no code (or one that is not a number): the number as today
      "''    | 18290029119     | 18290029119",
      "NULL  | 18290029119     | 18290029119",
      "CN_1  | 18290029119     | 18290029119",
      // a number already in international form keeps its own code
      "86    | +86 18290029119 | +86 18290029119",
      // no number: nothing to show
      "86    | ''              | ''",
      "86    | NULL            | ''",
  })
  void display(String code, String number, String shown) {
    assertEquals(shown, PhoneNumbers.display(code, number));
  }
}

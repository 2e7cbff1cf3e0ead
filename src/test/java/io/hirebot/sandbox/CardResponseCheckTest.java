package io.hirebot.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The emulator judges a callback answer's toast as the Feishu client does (reference §3.2). */
class CardResponseCheckTest {

  private static List<String> violations(String answer) {
    return CardResponseCheck.check(new PushResult(200, Map.of(), answer, Duration.ZERO, "", "ev", null, 1, List.of()))
        .violations();
  }

  @Test
  @DisplayName("A toast with content and an i18n map of known locales to texts is accepted")
  void bilingualToast() {
    assertEquals(List.of(), violations("{\"toast\":{\"type\":\"success\",\"content\":\"Approved\","
        + "\"i18n\":{\"zh_cn\":\"已通过\",\"en_us\":\"Approved\",\"ja_jp\":\"承認\"}}}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"toast\":{\"type\":\"info\",\"content\":\"ok\",\"i18n\":[\"ok\"]}}",
      "{\"toast\":{\"type\":\"info\",\"content\":\"ok\",\"i18n\":\"ok\"}}",
      "{\"toast\":{\"type\":\"info\",\"content\":\"ok\",\"i18n\":{\"en_us\":1}}}",
      "{\"toast\":{\"type\":\"info\",\"content\":\"ok\",\"i18n\":{\"en_us\":{\"text\":\"ok\"}}}}",
      "{\"toast\":{\"type\":\"info\",\"content\":\"ok\",\"i18n\":{\"en\":\"ok\"}}}",
      "{\"toast\":{\"type\":\"info\",\"content\":\"ok\",\"i18n\":{\"zh-CN\":\"好\"}}}",
      "{\"toast\":{\"type\":\"info\",\"content\":42}}",
      "{\"toast\":\"ok\"}"})
  @DisplayName("A toast whose i18n is not a map of known locales to texts (or whose content is no text) is refused "
      + "as a bad response body (200672)")
  void badToastRefused(String answer) {
    List<String> violations = violations(answer);
    assertEquals(1, violations.size(), violations.toString());
    assertTrue(violations.get(0).startsWith("200672: toast"), violations.toString());
  }
}

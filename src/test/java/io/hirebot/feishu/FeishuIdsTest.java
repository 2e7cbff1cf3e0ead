package io.hirebot.feishu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.error.FeishuApiException;
import io.hirebot.feishu.FeishuIds.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import io.hirebot.testing.WholeCharacters;

/** Ids keep their documented shapes, and one that does not never becomes part of a Feishu URL. */
class FeishuIdsTest {

  @ParameterizedTest
  @CsvSource({"MESSAGE, om_dc13264520392913993dd051dba21dcf", "CHAT, oc_5ad11d72b830411d72b836c20", "OPEN_ID, ou_7d8a6e6df7621556ce0d21922b676706ccs",
      "HIRE, 6930815272790114324", "EVENT, 5e3702a84e847582be8db7fb73283c02", "EVENT, ev_crash_1"})
  @DisplayName("documented id shapes are valid and pass through path encoding unchanged")
  void valid(Kind kind, String id) {
    assertTrue(FeishuIds.valid(kind, id));
    assertEquals(id, FeishuIds.pathSegment("op", kind, id).result());
  }

  @ParameterizedTest
  @ValueSource(strings = {"../../jobs", "..", ".", "1/2", "1%2F2", "12 34", "6930815272790114324?x=1", "6930#1", "ü1", ""})
  @DisplayName("ids that could leave their URL segment are refused without a call, naming the operation")
  void hostileHireIds(String id) {
    var f = FeishuIds.pathSegment("hire.application.get_detail", Kind.HIRE, id);
    assertTrue(f.failed());
    FeishuApiException e = (FeishuApiException) f.cause();
    assertEquals("hire.application.get_detail", e.operation());
    assertEquals("", e.logId(), "no call was made, so there is no log id");
  }

  @Test
  @DisplayName("a prefix must match its kind and be followed by something, and length is bounded")
  void prefixesAndLength() {
    assertFalse(FeishuIds.valid(Kind.MESSAGE, "oc_team"));
    assertFalse(FeishuIds.valid(Kind.MESSAGE, "om_"));
    assertFalse(FeishuIds.valid(Kind.OPEN_ID, null));
    assertTrue(FeishuIds.valid(Kind.HIRE, "7".repeat(FeishuIds.MAX_LENGTH)));
    assertFalse(FeishuIds.valid(Kind.HIRE, "7".repeat(FeishuIds.MAX_LENGTH + 1)));
    assertFalse(FeishuIds.valid(Kind.MESSAGE, "om_" + "x".repeat(9_997)));
  }

  @Test
  @DisplayName("every character is judged as the documented shape [A-Za-z0-9_-]{1,64} judges it, alone and inside an id")
  void sameJudgementAsTheShape() {
    java.util.regex.Pattern shape = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1," + FeishuIds.MAX_LENGTH + "}");
    for (char c = 0; c < 0x3100; c++) {
      for (String id : new String[] {"om_" + c, "om_a" + c + "b", String.valueOf(c)}) {
        for (Kind kind : new Kind[] {Kind.MESSAGE, Kind.HIRE}) {
          boolean expected = id.startsWith(kind == Kind.MESSAGE ? "om_" : "") && shape.matcher(id).matches()
              && id.length() > (kind == Kind.MESSAGE ? 3 : 0);
          assertEquals(expected, FeishuIds.valid(kind, id), kind + " " + (int) c);
        }
      }
    }
    assertTrue(FeishuIds.valid(Kind.MESSAGE, "om_" + "a".repeat(FeishuIds.MAX_LENGTH - 3)));
    assertFalse(FeishuIds.valid(Kind.MESSAGE, "om_" + "a".repeat(FeishuIds.MAX_LENGTH - 2)));
  }

  @Test
  @DisplayName("a refused id is described briefly, without control characters")
  void describe() {
    String d = FeishuIds.describe(Kind.MESSAGE, "om_" + "x".repeat(100) + "\n");
    assertTrue(d.startsWith("invalid message_id (104 chars: om_xxx"), d);
    assertFalse(d.contains("\n"));
    // An emoji where the excerpt ends is kept whole or left out, never split.
    WholeCharacters.assertWhole(FeishuIds.describe(Kind.MESSAGE, "om_" + "x".repeat(36) + "😀" + "x".repeat(20)));
  }
}

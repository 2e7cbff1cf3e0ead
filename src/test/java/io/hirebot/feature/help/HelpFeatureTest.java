package io.hirebot.feature.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.testing.FeatureHarness;
import io.hirebot.testing.Shown;
import io.hirebot.testing.TestFeatures;
import io.hirebot.testing.WholeCharacters;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The help card and the answer to text that is not a command. */
class HelpFeatureTest {
  @RegisterExtension
  final FeatureHarness h = FeatureHarness.start().with(TestFeatures::help);

  @Test
  @DisplayName("the help card lists the query commands, in both languages")
  void helpListsCommands() {
    Shown en = h.inGroup("help");
    Shown zh = h.inGroup("帮助");
    for (String command : List.of("candidate", "pipeline for job", "interviews", "offers", "applied")) {
      assertTrue(en.contains(command), command);
    }
    for (String command : List.of("候选人", "招聘漏斗", "今天的面试", "Offer 列表", "上周投递")) {
      assertTrue(zh.contains(command), command);
    }
  }

  @Test
  @DisplayName("every example on the help card is introduced by the same words: 例如： as Example: (QA: 例：`我的待办`, "
      + "示例：`把王敏推进到笔试` among the 例如：)")
  void examplesIntroducedAlike() {
    String en = h.inGroup("help").all();
    String zh = h.inGroup("帮助").all();
    assertFalse(zh.contains("示例：") || zh.contains("。例："), zh);
    assertEquals(en.split("Example: ", -1).length, zh.split("例如：", -1).length, zh);
  }

  @Test
  @DisplayName("a command with an argument out of range gets one line saying what is wrong, with an example, in the "
      + "writer's language: no help card")
  void outOfRange() {
    h.withLexicon(); // as in the app, where the tenant's words are read too
    Shown quiet = h.inGroup("quiet 25:00-08:00");
    assertFalse(quiet.isCard(), quiet.all());
    assertEquals("25:00 is not a time of day; e.g. `quiet 22:00-08:00`", quiet.text());
    Shown quietZh = h.inGroup("免打扰 25:00-08:00");
    assertEquals("25:00 不是一天中的时间；例如 `免打扰 22:00-08:00`", quietZh.text());
    Shown empty = h.inGroup("quiet 08:00-08:00");
    assertFalse(empty.isCard(), empty.all());
    assertEquals("08:00-08:00 would be quiet for no time: start and end must differ; e.g. `quiet 22:00-08:00`",
        empty.text());
    assertEquals("08:00-08:00 的开始和结束时间相同，免打扰需要两个不同的时间；例如 `免打扰 22:00-08:00`",
        h.inGroup("免打扰 08:00-08:00").text());

    Shown tooLong = h.inGroup("note on 李洋: " + "g".repeat(495));
    assertFalse(tooLong.isCard(), tooLong.all());
    assertEquals("That message is 507 characters long; a command is at most 500. A longer note goes in the Add note "
        + "form (⋯ on the candidate's row).", tooLong.text());

    for (String asked : List.of("audit 100000", "audit 0")) {
      Shown audit = h.privately(FeatureHarness.ADMIN, asked);
      assertFalse(audit.isCard(), audit.all());
      assertEquals("audit shows the latest 1 to 50 entries; e.g. `audit 50`", audit.text(), asked);
    }
    assertEquals("审计最多显示最近 50 条（至少 1 条）；例如 `审计 50`", h.privately(FeatureHarness.ADMIN, "审计 0").text());
  }

  @Test
  @DisplayName("text that is no command is echoed to 40 characters, an emoji at the cut kept whole or left out, never "
      + "split")
  void echoCutWhole() {
    Shown help = h.inGroup("q".repeat(39) + "😀" + "q".repeat(30));
    WholeCharacters.assertWhole(help.all());
    assertTrue(help.contains("q".repeat(39) + "…"), help.all());
  }

  @Test
  @DisplayName("a typo gets help with the corrected command suggested")
  void typoSuggestion() {
    assertTrue(h.inGroup("intervews today").contains("interviews today"));
  }
}

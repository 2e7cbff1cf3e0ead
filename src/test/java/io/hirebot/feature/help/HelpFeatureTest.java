package io.hirebot.feature.help;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.testing.FeatureHarness;
import io.hirebot.testing.Shown;
import io.hirebot.testing.TestFeatures;
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
  @DisplayName("a typo gets help with the corrected command suggested")
  void typoSuggestion() {
    assertTrue(h.inGroup("intervews today").contains("interviews today"));
  }
}

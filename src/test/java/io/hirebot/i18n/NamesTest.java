package io.hirebot.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hirebot.hire.Stage;
import io.hirebot.hire.StageType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A name Hire supplies is shown whole up to 100 characters, and cut with "…" past them, on every card alike. */
class NamesTest {
  private final Messages messages = Messages.load();

  @Test
  @DisplayName("a name of 100 characters is shown whole; one of 2,000 as its first 99 and \"…\"; null is \"\"")
  void cut() {
    String hundred = "职".repeat(100);
    assertEquals(hundred, Names.of(hundred));
    assertEquals("职".repeat(99) + "…", Names.of("职".repeat(2_000)));
    assertEquals("x".repeat(99) + "…", Names.of("x".repeat(2_000)));
    assertEquals("", Names.of(null));
  }

  @Test
  @DisplayName("an emoji at the cut is never split: 100 code points, not 100 chars")
  void codePoints() {
    String name = Names.of("🙂".repeat(150));
    assertEquals("🙂".repeat(99) + "…", name);
  }

  @Test
  @DisplayName("a stage named at 1,000 characters is named by its first 99 and \"…\" in each language")
  void stageNames() {
    Stage stage = new Stage("s1", "阶段".repeat(500), "Stage ".repeat(200), StageType.INTERVIEW);
    assertEquals("阶段".repeat(49) + "阶…", StageWords.name(messages, Language.ZH, stage));
    assertEquals(100, StageWords.name(messages, Language.EN, stage).codePointCount(0,
        StageWords.name(messages, Language.EN, stage).length()));
    assertEquals("Screening", StageWords.name(messages, Language.EN,
        new Stage("s2", "初筛", "Screening", StageType.SCREENING)));
  }
}

package io.hirebot.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A list in running text is written as each language writes one: "一面, 二面" was English punctuation in Chinese. */
class ListsTest {
  private final Messages messages = Messages.load();

  @Test
  @DisplayName("English joins with a comma and a space, Chinese with the enumeration comma 、")
  void listsPerLanguage() {
    assertEquals("Screening, Interview", messages.list(Language.EN, List.of("Screening", "Interview")));
    assertEquals("简历筛选、一面", messages.list(Language.ZH, List.of("简历筛选", "一面")));
    assertEquals("一面", messages.list(Language.ZH, List.of("一面")));
  }
}

package io.hirebot.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HireTextsPanelTest {
  private final Messages messages = Messages.load();

  private static List<String> panel(int size) {
    return IntStream.rangeClosed(1, size).mapToObj(i -> "P" + i).toList();
  }

  @Test
  @DisplayName("a panel of up to six is named in full; a larger one names five and counts the rest, in both languages")
  void largePanelCounted() {
    assertEquals("P1, P2, P3, P4, P5, P6", HireTexts.interviewers(messages, Language.EN, panel(6)));
    assertEquals("P1, P2, P3, P4, P5, and 25 more", HireTexts.interviewers(messages, Language.EN, panel(30)));
    assertEquals("P1、P2、P3、P4、P5、另 2 人", HireTexts.interviewers(messages, Language.ZH, panel(7)));
    assertEquals("no interviewer listed", HireTexts.interviewers(messages, Language.EN, List.of()));
  }
}

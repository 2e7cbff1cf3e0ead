package io.hirebot.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A text with {@code {0}}-style arguments is a MessageFormat pattern, where a single apostrophe starts a quoted
 * section and is not shown: "job's process" came out as "jobs process". Such texts write it twice ({@code ''}).
 */
class ApostrophesTest {
  private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");
  private static final Pattern SINGLE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

  @Test
  @DisplayName("every text with arguments shows its apostrophes (written '' in the bundle)")
  void apostrophesShown() {
    Messages messages = Messages.load();
    List<String> lost = new ArrayList<>();
    for (Language lang : Language.values()) {
      messages.all(lang).forEach((key, pattern) -> {
        if (ARGUMENT.matcher(pattern).find() && SINGLE_APOSTROPHE.matcher(pattern).find()) {
          lost.add(lang + " " + key + "=" + pattern);
        }
      });
    }
    assertEquals(List.of(), lost);
  }
}

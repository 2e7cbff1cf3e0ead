package io.hirebot.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A properties file drops the spaces between '=' and the value: "jobquery.open= None is close" was meant to follow
 * "No open job matches “Marketing”." with a space, and came out as "“Marketing”.None is close". A value that starts
 * with a space writes it escaped ("\ ").
 */
class LeadingSpacesTest {
  private static final Pattern SPACE_AFTER_EQUALS = Pattern.compile("^[^#!\\s][^=]*=[ \\t]+\\S");

  @Test
  @DisplayName("no text's first character is a space the properties file silently drops")
  void leadingSpacesEscaped() throws IOException {
    List<String> dropped = new ArrayList<>();
    for (String file : List.of("messages_en_us.properties", "messages_zh_cn.properties")) {
      try (InputStream in = LeadingSpacesTest.class.getResourceAsStream("/i18n/" + file)) {
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          if (SPACE_AFTER_EQUALS.matcher(line).find()) {
            dropped.add(file + ": " + line);
          }
        }
      }
    }
    assertEquals(List.of(), dropped);
  }
}

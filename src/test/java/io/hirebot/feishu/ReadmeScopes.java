package io.hirebot.feishu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the scopes block of the README, as an operator following it would. */
public final class ReadmeScopes {
  static final Path README = Path.of("README.md");
  static final String BEGIN = "<!-- scopes:begin (generated from io.hirebot.feishu.FeishuScopes; do not edit by hand) -->\n";
  static final String END = "<!-- scopes:end -->";

  private ReadmeScopes() {}

  /** The block between the markers. */
  public static String block() {
    try {
      String text = Files.readString(README);
      int from = text.indexOf(BEGIN);
      int to = text.indexOf(END);
      assertTrue(from >= 0 && to > from, "README lacks the scopes markers");
      return text.substring(from + BEGIN.length(), to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every scope the README's table lists, in order. */
  public static List<String> scopes() {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^\\| `([^`]+)` \\|").matcher(block());
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}

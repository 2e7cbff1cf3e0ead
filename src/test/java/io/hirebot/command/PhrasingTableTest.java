package io.hirebot.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Phrasing table (issue 17)")
class PhrasingTableTest {

  private static final Lexicon LEXICON = Phrasings.lexicon();
  private final CommandParser parser = new CommandParser(() -> LEXICON);

  static Stream<Phrasings.Row> table() {
    return Phrasings.load("phrasings/table.txt").stream();
  }

  @DisplayName("reads each recruiter phrasing as the row says")
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("table")
  void readsThePhrasing(Phrasings.Row row) {
    assertEquals(row.expected(), Phrasings.describe(row.parse(parser)), row.message());
  }

  @Test
  @DisplayName("has at least 500 rows, in English, Simplified, Traditional and mixed, refusals included")
  void isLargeAndVaried() {
    List<Phrasings.Row> rows = table().toList();
    assertTrue(rows.size() >= 500, "rows: " + rows.size());
    for (String category : List.of("traditional", "mixed", "refusal", "clarify", "count", "where")) {
      assertTrue(rows.stream().anyMatch(r -> r.category().equals(category)), category);
    }
  }

  @Test
  @DisplayName("understands at least 98% of the held-out phrasings and answers all of them")
  void heldOut() {
    List<Phrasings.Row> rows = Phrasings.load("phrasings/held-out.txt");
    int understood = 0;
    StringBuilder misses = new StringBuilder();
    StringBuilder silent = new StringBuilder();
    for (Phrasings.Row row : rows) {
      ParseResult result = row.parse(parser);
      String got = Phrasings.describe(result);
      if (got.equals(row.expected())) {
        understood++;
      } else {
        misses.append("\n  ").append(row.message().replace("\n", "\\n")).append(" → ").append(got)
            .append(" (wanted ").append(row.expected()).append(')');
      }
      // Answered: a command, or a help card that names the closest command; never a bare "I don't know".
      boolean answered = result instanceof ParseResult.Parsed
          || !((ParseResult.Unknown) result).suggestion().isEmpty() || row.expected().equals("unknown");
      if (!answered) {
        silent.append("\n  ").append(row.message());
      }
    }
    double share = 100.0 * understood / rows.size();
    System.out.printf("held-out: %d/%d understood (%.1f%%)%s%n", understood, rows.size(), share, misses);
    assertTrue(silent.isEmpty(), "not answered:" + silent);
    assertTrue(share >= 98.0, String.format("%.1f%% understood:%s", share, misses));
  }
}

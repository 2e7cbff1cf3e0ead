package io.hirebot.command;

import io.hirebot.i18n.Language;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.hirebot.command.ParseResult.Parsed;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("CommandParser robustness")
class CommandParserRobustnessTest {

  private static final int FUZZ_CASES = 5_000;
  private static final String FUZZ_ALPHABET =
      "abcdefghijklmnopqrstuvwxyzABC 　\t\n?？!！.。,，\"'“”‘’「」《》()[]{}*+\\^$|-_#职位候选人的后端帮助ｓｈｏｗ１\u200B\uD83D\uDE00";
  private static final List<String> SAMPLE_MESSAGES = List.of(
      "show candidates for job Backend Engineer", "看看后端开发工程师的候选人", "jobs backend", "candidtes for Backend",
      "帮主", "hello", "请列出所有职位", "Backend candidates", "what can you do?");

  private final CommandParser parser = new CommandParser();

  @Test
  @DisplayName("never throws, whatever the text")
  void neverThrows() {
    // GIVEN random text over an alphabet of regex metacharacters, quotes, CJK, full-width and surrogates
    Random random = new Random(42);
    for (int i = 0; i < FUZZ_CASES; i++) {
      String text = randomText(random, random.nextInt(CommandParser.MAX_INPUT_LENGTH + 50));
      // WHEN parsed THEN a result comes back
      assertNotNull(parser.parse(text), text);
    }
  }

  @Test
  // Speed is measured by the benchmark program, never asserted here; this only proves such input is answered.
  @DisplayName("answers inputs at the length limit and backtracking-prone inputs")
  void answersHardInputs() {
    String nearLimit = "请".repeat(CommandParser.MAX_INPUT_LENGTH - 4) + "的候选人";
    String pathological = " a".repeat(CommandParser.MAX_INPUT_LENGTH / 2);
    assertNotNull(parser.parse(nearLimit));
    assertInstanceOf(ParseResult.Unknown.class, parser.parse(pathological));
    assertInstanceOf(ParseResult.Unknown.class, parser.parse("x".repeat(CommandParser.MAX_INPUT_LENGTH + 1)));
  }

  @Test
  // A hang guard, not a timing: before the respelling was bounded, each of these took 150-300 ms (one reading of the
  // whole text per misspelt word, so quadratic in the length), the burst of 100 15-30 s; now each takes 2-5 ms.
  @DisplayName("answers a burst of long messages of misspelt command words without blocking")
  void answersLongMisspeltMessagesQuickly() {
    // GIVEN the tenant's jobs, and messages at the length limit naming a job among ~100 near misses of command words
    Lexicon lexicon = Phrasings.lexicon();
    CommandParser withLexicon = new CommandParser(() -> lexicon);
    int limit = CommandParser.MAX_INPUT_LENGTH - 10;
    List<String> messages = Stream.of("jbos ", "hlp ", "你能做什", "应聘拒绝")
        .map(word -> "UX " + word.repeat(limit / word.length()))
        .toList();
    // WHEN a burst of them is parsed THEN each is answered, and the burst does not hold the event loop for seconds
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      for (int i = 0; i < 25; i++) {
        messages.forEach(message -> assertNotNull(withLexicon.parse(message), message));
      }
    });
  }

  @Test
  @DisplayName("gives the same answers when shared between threads")
  void isThreadSafe() {
    List<ParseResult> sequential = SAMPLE_MESSAGES.stream().map(parser::parse).toList();
    IntStream.range(0, 1_000).parallel().forEach(i -> {
      int index = i % SAMPLE_MESSAGES.size();
      assertEquals(sequential.get(index), parser.parse(SAMPLE_MESSAGES.get(index)));
    });
  }

  static Stream<Arguments> canonicalCommands() {
    return Stream.of(
        Arguments.of(new Command.Help(), Language.EN),
        Arguments.of(new Command.Help(), Language.ZH),
        Arguments.of(new Command.ShowCandidates("Backend Engineer"), Language.EN),
        Arguments.of(new Command.ShowCandidates("BE-001"), Language.EN),
        Arguments.of(new Command.ShowCandidates("后端开发工程师"), Language.ZH),
        Arguments.of(new Command.ListJobs(""), Language.EN),
        Arguments.of(new Command.ListJobs("backend"), Language.EN),
        Arguments.of(new Command.ListJobs(""), Language.ZH),
        Arguments.of(new Command.ListJobs("后端"), Language.ZH),
        Arguments.of(new Command.ListOffers(""), Language.EN),
        Arguments.of(new Command.ListOffers("", true), Language.EN),
        Arguments.of(new Command.ListOffers("Backend", true), Language.EN),
        Arguments.of(new Command.ListOffers("", true), Language.ZH),
        Arguments.of(new Command.ListOffers("后端", true), Language.ZH),
        Arguments.of(new Command.ListOffers("后端"), Language.ZH));
  }

  @DisplayName("parses every canonical phrasing back to its command")
  @ParameterizedTest(name = "[{index}] {0} ({1})")
  @MethodSource("canonicalCommands")
  void roundTripsCanonicalPhrasing(Command command, Language language) {
    String phrasing = CommandPhrases.canonical(command, language);
    assertEquals(new Parsed(command, language), parser.parse(phrasing), phrasing);
  }

  private static String randomText(Random random, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(FUZZ_ALPHABET.charAt(random.nextInt(FUZZ_ALPHABET.length())));
    }
    return text.toString();
  }
}

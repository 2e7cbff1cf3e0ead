package io.hirebot.hire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;

@DisplayName("StageMatcher")
class StageMatcherTest {
  private static final JobProcess PROCESS = new JobProcess("p", "社招", "Experienced", List.of(
      new Stage("s1", "简历筛选", "Resume Screening", StageType.SCREENING),
      new Stage("s2", "笔试", "Written Test", StageType.WRITTEN_TEST),
      new Stage("s3", "一面", "First Interview", StageType.INTERVIEW),
      new Stage("s4", "二面", "Second Interview", StageType.INTERVIEW),
      new Stage("s5", "Offer 沟通", "Offer", StageType.OFFER)));

  @DisplayName("resolves a stage as typed to the job's stages, in either language")
  @ParameterizedTest(name = "[{index}] \"{0}\" → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Resume Screening  | s1
      screening         | s1
      初筛              | s1
      简历筛选          | s1
      written test      | s2
      笔试              | s2
      First Interview   | s3
      一面              | s3
      interview         | s3 s4
      面试              | s3 s4
      Second Intervew   | s4
      offer             | s5
      Offer 沟通        | s5
      初试              | s3
      初面              | s3
      复试              | s4
      终面              | s4
      final interview   | s4
      first round       | s3
      astronaut         | ''
      """)
  void matches(String query, String expected) {
    assertMatches(PROCESS, query, expected);
  }

  /** {@code query} resolves to the stages whose ids {@code expected} lists, space-separated (blank: none). */
  private static void assertMatches(JobProcess process, String query, String expected) {
    List<String> ids = new StageMatcher().match(query, process).stream().map(Stage::id).toList();
    assertEquals(expected == null || expected.isBlank() ? List.of() : List.of(expected.split(" ")), ids);
  }

  /** Screening, two interview rounds and an offer stage (n1 to n4), none of them named by Hire. */
  private static final List<StageType> ROUND_TYPES = List.of(StageType.SCREENING, StageType.INTERVIEW,
      StageType.INTERVIEW, StageType.OFFER);
  private static final JobProcess NAMELESS_ROUNDS = new JobProcess("q", "", "", java.util.stream.IntStream
      .range(0, ROUND_TYPES.size()).mapToObj(i -> new Stage("n" + (i + 1), "", "", ROUND_TYPES.get(i))).toList());

  @DisplayName("a nameless stage is typed as cards number it (\"Interview 2\", 面试 2), its kind still meaning every one")
  @ParameterizedTest(name = "[{index}] \"{0}\" → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      interview 1       | n2
      Interview 2       | n3
      面试 2            | n3
      面试2             | n3
      interview         | n2 n3
      interview 3       | ''
      screening         | n1
      """)
  void numberedRounds(String query, String expected) {
    assertMatches(NAMELESS_ROUNDS, query, expected);
  }
}

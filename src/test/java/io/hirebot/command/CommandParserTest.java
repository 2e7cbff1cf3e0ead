package io.hirebot.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.hirebot.command.ParseResult.Parsed;
import io.hirebot.command.ParseResult.Unknown;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("CommandParser")
class CommandParserTest {

  /** What a row expects: a command, or UNKNOWN with the argument column as the suggestion. */
  enum Expected { HELP, CANDIDATES, JOBS, UNKNOWN }

  private final CommandParser parser = new CommandParser();

  @DisplayName("understands (or refuses) the phrasing")
  @ParameterizedTest(name = "[{index}] \"{0}\" → {1} {2} ({3})")
  @CsvSource(delimiter = '|', textBlock = """
      # --- help ---
      help                                              | HELP       |                   | EN
      HELP                                              | HELP       |                   | EN
      Help!                                             | HELP       |                   | EN
      h                                                 | HELP       |                   | EN
      ?                                                 | HELP       |                   | EN
      ？                                                | HELP       |                   | EN
      commands                                          | HELP       |                   | EN
      what can you do?                                  | HELP       |                   | EN
      can you help                                      | HELP       |                   | EN
      帮助                                              | HELP       |                   | ZH
      你能做什么                                        | HELP       |                   | ZH
      你能做什么呢？                                    | HELP       |                   | ZH
      怎么用                                            | HELP       |                   | ZH
      使用说明                                          | HELP       |                   | ZH
      菜单                                              | HELP       |                   | ZH
      # --- candidates, English ---
      show candidates for job Backend Engineer          | CANDIDATES | Backend Engineer  | EN
      candidates for Backend                            | CANDIDATES | Backend           | EN
      candidates of job BE-001                          | CANDIDATES | BE-001            | EN
      candidates Backend                                | CANDIDATES | Backend           | EN
      who applied to Backend                            | CANDIDATES | Backend           | EN
      who applied for Data Scientist                    | CANDIDATES | Data Scientist    | EN
      who has applied for Backend                       | CANDIDATES | Backend           | EN
      applicants for Product Manager                    | CANDIDATES | Product Manager   | EN
      Backend candidates                                | CANDIDATES | Backend           | EN
      Senior Backend Engineer candidates                | CANDIDATES | Senior Backend Engineer | EN
      list candidates for job "Data Scientist"          | CANDIDATES | Data Scientist    | EN
      list candidates for job “Data Scientist”          | CANDIDATES | Data Scientist    | EN
      candidates for the job Backend                    | CANDIDATES | Backend           | EN
      candidates for the Backend Engineer position      | CANDIDATES | Backend Engineer  | EN
      candidates for Backend?                           | CANDIDATES | Backend           | EN
      CANDIDATES FOR backend engineer                   | CANDIDATES | backend engineer  | EN
      '   candidates    for   Backend    Engineer  '    | CANDIDATES | Backend Engineer  | EN
      please show me all the candidates for job Backend | CANDIDATES | Backend           | EN
      can you show me the candidates for BE-001 please  | CANDIDATES | BE-001            | EN
      Could you list the applicants for Backend, pls?   | CANDIDATES | Backend           | EN
      who are the candidates for Backend                | CANDIDATES | Backend           | EN
      candidates for C++ Engineer                       | CANDIDATES | C++ Engineer      | EN
      candidates for Listing Specialist                 | CANDIDATES | Listing Specialist | EN
      candidates for Show Producer                      | CANDIDATES | Show Producer     | EN
      Meituan Ops candidates                            | CANDIDATES | Meituan Ops       | EN
      ｓｈｏｗ ｃａｎｄｉｄａｔｅｓ ｆｏｒ Ｂａｃｋｅｎｄ                  | CANDIDATES | Backend           | EN
      ＣＡＮＤＩＤＡＴＥＳ　ＦＯＲ　ＢＥ－００１                         | CANDIDATES | BE-001            | EN
      candidates: Backend                               | CANDIDATES | Backend           | EN
      @Alice candidates for Backend                     | CANDIDATES | Backend           | EN
      candidates for Backend @Alice                     | CANDIDATES | Backend           | EN
      The Voice Producer candidates                     | CANDIDATES | Voice Producer    | EN
      # --- candidates, Chinese and mixed ---
      Backend 的候选人                                  | CANDIDATES | Backend           | ZH
      看看后端开发工程师的候选人                        | CANDIDATES | 后端开发工程师    | ZH
      后端开发工程师候选人                              | CANDIDATES | 后端开发工程师    | ZH
      候选人 后端                                       | CANDIDATES | 后端              | ZH
      职位 BE-001 的候选人                              | CANDIDATES | BE-001            | ZH
      查看 产品经理 的候选人                            | CANDIDATES | 产品经理          | ZH
      帮我看一下 Backend Engineer 的候选人              | CANDIDATES | Backend Engineer  | ZH
      看看 Backend Engineer 的候选人                    | CANDIDATES | Backend Engineer  | ZH
      后端 有哪些候选人                                 | CANDIDATES | 后端              | ZH
      后端的应聘者                                      | CANDIDATES | 后端              | ZH
      投递 后端 的人                                    | CANDIDATES | 后端              | ZH
      谁投递了后端                                      | CANDIDATES | 后端              | ZH
      后端的候选人？                                    | CANDIDATES | 后端              | ZH
      请帮我列出后端的所有候选人吧                      | CANDIDATES | 后端              | ZH
      《后端开发工程师》的候选人                        | CANDIDATES | 后端开发工程师    | ZH
      「数据科学家」的候选人                            | CANDIDATES | 数据科学家        | ZH
      后端岗位的候选人                                  | CANDIDATES | 后端              | ZH
      ＢＥ－００１的候选人                              | CANDIDATES | BE-001            | ZH
      show candidates for 后端                          | CANDIDATES | 后端              | ZH
      # --- jobs ---
      jobs                                              | JOBS       |                   | EN
      Jobs.                                             | JOBS       |                   | EN
      open jobs                                         | JOBS       |                   | EN
      list jobs                                         | JOBS       |                   | EN
      list all open jobs please                         | JOBS       |                   | EN
      what are the open jobs?                           | JOBS       |                   | EN
      positions                                         | JOBS       |                   | EN
      jobs backend                                      | JOBS       | backend           | EN
      jobs for Backend                                  | JOBS       | Backend           | EN
      backend jobs                                      | JOBS       | backend           | EN
      职位                                              | JOBS       |                   | ZH
      职位列表                                          | JOBS       |                   | ZH
      有哪些职位                                        | JOBS       |                   | ZH
      有哪些职位在招？                                  | JOBS       |                   | ZH
      在招职位                                          | JOBS       |                   | ZH
      职位 后端                                         | JOBS       | 后端              | ZH
      职位　后端                                        | JOBS       | 后端              | ZH
      请列出所有职位                                    | JOBS       |                   | ZH
      后端相关的职位                                    | JOBS       | 后端              | ZH
      职位：后端                                        | JOBS       | 后端              | ZH
      Jobs: Backend                                     | JOBS       | Backend           | EN
      what jobs are open?                               | JOBS       |                   | EN
      # --- refused, with a suggestion ---
      candidates                                        | UNKNOWN    | candidates for job <name> | EN
      show candidates for job                           | UNKNOWN    | candidates for job <name> | EN
      候选人                                            | UNKNOWN    | <职位> 的候选人   | ZH
      的候选人                                          | UNKNOWN    | <职位> 的候选人   | ZH
      有哪些候选人                                      | UNKNOWN    | <职位> 的候选人   | ZH
      candidtes for Backend                             | UNKNOWN    | candidates for Backend | EN
      Candidtaes for Backend Engineer                   | UNKNOWN    | candidates for Backend Engineer | EN
      shwo jobs                                         | UNKNOWN    | jobs              | EN
      jbos                                              | UNKNOWN    | jobs              | EN
      hlep                                              | UNKNOWN    | help              | EN
      what can u do                                     | UNKNOWN    | help              | EN
      candidtes                                         | UNKNOWN    | candidates for job <name> | EN
      帮主                                              | UNKNOWN    | 帮助              | ZH
      帮我                                              | UNKNOWN    | 帮助              | ZH
      职为                                              | UNKNOWN    | 职位              | ZH
      後端的候選人                                      | UNKNOWN    | 後端 的候选人     | ZH
      后端的候选任                                      | UNKNOWN    | 后端 的候选人     | ZH
      # --- refused, nothing close ---
      hello                                             | UNKNOWN    |                   | EN
      hi                                                | UNKNOWN    |                   | EN
      thanks                                            | UNKNOWN    |                   | EN
      candidate 张三                                    | UNKNOWN    |                   | ZH
      interviews today                                  | UNKNOWN    |                   | EN
      @Alice                                            | UNKNOWN    |                   | EN
      pipeline candidates for Backend                   | UNKNOWN    |                   | EN
      pipeline candidates                               | UNKNOWN    |                   | EN
      ''                                                | UNKNOWN    |                   | EN
      '   '                                             | UNKNOWN    |                   | EN
      ...                                               | UNKNOWN    |                   | EN
      你好                                              | UNKNOWN    |                   | ZH
      今天天气怎么样                                    | UNKNOWN    |                   | ZH
      """)
  void parses(String input, Expected expected, String argument, Language language) {
    // GIVEN a message as a user would type it
    String text = input == null ? "" : input;
    String arg = argument == null ? "" : argument;

    // WHEN it is parsed
    ParseResult result = parser.parse(text);

    // THEN it is the expected command, or refused with the expected suggestion, in the user's language
    ParseResult wanted = switch (expected) {
      case HELP -> new Parsed(new Command.Help(), language);
      case CANDIDATES -> new Parsed(new Command.ShowCandidates(arg), language);
      case JOBS -> new Parsed(new Command.ListJobs(arg), language);
      case UNKNOWN -> new Unknown(text, arg, language);
    };
    assertEquals(wanted, result);
  }

  static Stream<Arguments> awkwardInputs() {
    return Stream.of(
        Arguments.of("candidates for 'Data Scientist'", new Parsed(new Command.ShowCandidates("Data Scientist"), Language.EN)),
        Arguments.of("jobs ‘backend’", new Parsed(new Command.ListJobs("backend"), Language.EN)),
        Arguments.of("candidates\tfor\nBackend", new Parsed(new Command.ShowCandidates("Backend"), Language.EN)),
        Arguments.of("candidates for Back\u200Bend", new Parsed(new Command.ShowCandidates("Backend"), Language.EN)));
  }

  @DisplayName("handles ASCII quotes, tabs, newlines and zero-width characters")
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("awkwardInputs")
  void parsesAwkwardInput(String input, ParseResult expected) {
    assertEquals(expected, parser.parse(input));
  }

  @Test
  @DisplayName("treats null as empty, unknown input without a suggestion")
  void refusesNull() {
    assertEquals(new Unknown("", "", Language.EN), parser.parse(null));
  }

  @Test
  @DisplayName("refuses text over 500 characters without a suggestion, even when it starts like a command")
  void refusesLongInput() {
    // GIVEN a message that would be a command but is one character too long
    String longText = "candidates for " + "B".repeat(CommandParser.MAX_INPUT_LENGTH - 14);

    // WHEN it is parsed THEN it is refused, quietly
    assertEquals(new Unknown(longText, "", Language.EN), parser.parse(longText));
  }

  @Test
  @DisplayName("accepts text of exactly 500 characters")
  void acceptsInputAtTheLimit() {
    String job = "B".repeat(CommandParser.MAX_INPUT_LENGTH - 15);
    assertEquals(new Parsed(new Command.ShowCandidates(job), Language.EN), parser.parse("candidates for " + job));
  }

  @Test
  @DisplayName("refuses long Chinese text and answers in Chinese")
  void refusesLongChineseInput() {
    String longText = "后".repeat(CommandParser.MAX_INPUT_LENGTH + 1) + "的候选人";
    ParseResult result = parser.parse(longText);
    assertEquals(new Unknown(longText, "", Language.ZH), result);
  }

  @Test
  @DisplayName("keeps a refused message as it was typed")
  void keepsOriginalText() {
    Unknown unknown = assertInstanceOf(Unknown.class, parser.parse("  ｃａｎｄｉｄｔｅｓ for Backend  "));
    assertEquals("  ｃａｎｄｉｄｔｅｓ for Backend  ", unknown.text());
    assertEquals("candidates for Backend", unknown.suggestion());
  }
}

package io.hirebot.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("TextNormalizer and FillerWords")
class TextNormalizerTest {

  @DisplayName("normalizes width, spaces and surrounding punctuation but keeps case")
  @ParameterizedTest(name = "[{index}] \"{0}\" → \"{1}\"")
  @CsvSource(delimiter = '|', textBlock = """
      ｓｈｏｗ Ｂａｃｋｅｎｄ                 | show Backend
      职位　后端                          | 职位 后端
      '  a    b  '                        | a b
      “Data Scientist”？                  | Data Scientist
      《后端》。                          | 后端
      C++                                 | C++
      C#?                                 | C#
      ?                                   | ?
      ？？                                | ??
      ...                                 | ...
      ''                                  | ''
      後端開發工程師的候選人              | 后端开发工程师的候选人
      職位 面試 上週                      | 职位 面试 上周
      👋 candidates 🙏🏽                   | candidates
      ❤️后端                              | 后端
      candidates for for Backend          | candidates for Backend
      Of of   Of Sales                    | Of Sales
      profile To To                       | profile To To
      where is In In                      | where is In In
      candidates for Formal for Forest    | candidates for Formal for Forest
      后端的的候选人                      | 后端的候选人
      他的的确确很强                      | 他的的确确很强
      深圳的的士司机                      | 深圳的的士司机
      项目目的的说明                      | 项目目的的说明
      北京的的哥                          | 北京的的哥
      后端的 的候选人                     | 后端的候选人
      """)
  void normalizes(String input, String expected) {
    assertEquals(expected, TextNormalizer.normalize(input));
  }

  @org.junit.jupiter.api.Test
  @DisplayName("drops lines quoting another message, unless the quote is all there is")
  void dropsQuotedLines() {
    assertEquals("产品经理的漏斗", TextNormalizer.normalize("> 产品经理那边怎么样\n产品经理的漏斗"));
    assertEquals("jobs", TextNormalizer.normalize("jobs\n＞ who asked?"));
    assertEquals("> jobs", TextNormalizer.normalize("> jobs"));
  }

  @org.junit.jupiter.api.Test
  @DisplayName("a zero-width space or joiner between two words is the space it stands for; inside Chinese, or beside "
      + "a space, a digit or punctuation, it is dropped")
  void zeroWidthBetweenWords() {
    for (String zw : new String[] {"\u200B", "\u200C", "\u200D", "\uFEFF", "\u2060"}) {
      assertEquals("candidate Carol Davis", TextNormalizer.normalize("candidate Carol" + zw + "Davis"));
      assertEquals("Zoë Müller", TextNormalizer.normalize("Zoë" + zw + zw + "Müller"));
      assertEquals("候选人 陈思远", TextNormalizer.normalize("候选人 陈" + zw + "思远"));
      assertEquals("candidate Carol Davis", TextNormalizer.normalize("candidate Carol " + zw + "Davis"));
      assertEquals("candidates for BE-001", TextNormalizer.normalize("candidates for BE-" + zw + "001"));
      assertEquals("陈思远的候选人", TextNormalizer.normalize("陈思远" + zw + "的候选人"));
    }
    // Other format characters are no space: a soft hyphen or a direction mark inside a word leaves the word whole.
    // The (non-)joiners are spelling in Arabic, Persian and Indic scripts: the word stays as typed.
    assertEquals("candidate می\u200Cخواهم", TextNormalizer.normalize("candidate می\u200Cخواهم"));
    assertEquals("candidate क्\u200Dषत्रिय", TextNormalizer.normalize("candidate क्\u200Dषत्रिय"));
    assertEquals("Carol", TextNormalizer.normalize("\u200DCarol\u200C"));
    assertEquals("candidate Zoë Müller", TextNormalizer.normalize("candidate Zoë\u200CMüller"));
    assertEquals("Carol", TextNormalizer.normalize("Car\u00ADol"));
    assertEquals("Carol", TextNormalizer.normalize("Car\u200Eol"));
  }

  @DisplayName("strips fillers at the edges only, never inside a name")
  @ParameterizedTest(name = "[{index}] \"{0}\" → \"{1}\"")
  @CsvSource(delimiter = '|', textBlock = """
      please show me all the candidates for X | candidates for X
      candidates for Show Me The Money        | candidates for Show Me The Money
      Meituan candidates                      | Meituan candidates
      all-hands coordinator candidates        | all-hands coordinator candidates
      jobs please                             | jobs
      jobs, thanks!                           | jobs
      请帮我查一下：职位吧                    | 职位
      帮我看一下后端的候选人呢                | 后端的候选人
      请问有哪些职位？                        | 有哪些职位
      show me                                 | show me
      帮我                                    | 帮我
      """)
  void stripsFillers(String input, String expected) {
    assertEquals(expected, FillerWords.strip(TextNormalizer.normalize(input)));
  }
}

package io.hirebot.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The onboarding command's phrasings (issue 16), in English and Chinese; other periods are not this command. */
class OnboardingRulesTest {
  private final CommandParser parser = new CommandParser();

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "onboarding, THIS_WEEK", "onboarding this week, THIS_WEEK", "onboarding next week, NEXT_WEEK",
      "Onboarding for next week, NEXT_WEEK", "next week's onboarding, NEXT_WEEK", "who starts this week, THIS_WEEK",
      "new joiners next week, NEXT_WEEK", "入职, THIS_WEEK", "入职 本周, THIS_WEEK", "入职 下周, NEXT_WEEK",
      "本周入职, THIS_WEEK", "下周入职名单, NEXT_WEEK", "下周谁入职, NEXT_WEEK", "这周 入职的人, THIS_WEEK"})
  void parses(String text, Period period) {
    ParseResult result = parser.parse(text);
    assertEquals(new ParseResult.Parsed(new Command.ListOnboarding(period), result.language()), result);
  }

  @ParameterizedTest
  @ValueSource(strings = {"onboarding last month", "入职 上周", "candidates for Backend in stage Pending Onboarding"})
  void leavesOtherTextAlone(String text) {
    ParseResult result = parser.parse(text);
    assertFalse(result instanceof ParseResult.Parsed p && p.command() instanceof Command.ListOnboarding, text);
  }
}

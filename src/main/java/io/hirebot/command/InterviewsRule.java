package io.hirebot.command;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grammar row for {@link Command.ListInterviews}. Interview requests mix their parts freely ("my
 * interviews today", "interviews today mine", "我今天的面试", "今天有哪些面试"), so this row takes out the
 * "mine" words, the period and small connecting words, and accepts the message when only the noun is left.
 */
final class InterviewsRule implements CommandRule {

  private static final Pattern NOUN = Pattern.compile(
      "^(?:(?:upcoming|scheduled) )?(?:interviews?|interview schedule|interview list)$|^面试(?:安排|日程|列表|计划)?$",
      Grammar.FLAGS);
  private static final Pattern MINE = Pattern.compile(
      "(?:^| )(?:my|mine|for me|with me|i have|do i have|i am in|i'm in)(?= |$)|我的|我", Grammar.FLAGS);
  private static final Pattern PERIOD = Pattern.compile(
      "(?:(?:^| )(?:for|on|of|in) )?(?<p>" + PeriodWords.ALTERNATION + ")(?:'s)?", Grammar.FLAGS);
  private static final Pattern CONNECTORS = Pattern.compile(
      "(?:^| )(?:what|which|any|are there|is there|are|do|the|for|on|of|in)(?= |$)|有哪些|有什么|都有|有|的|哪些|都",
      Grammar.FLAGS);

  @Override
  public Optional<ParseResult> match(Utterance utterance) {
    String text = utterance.text();
    Matcher mine = MINE.matcher(text);
    boolean isMine = mine.find();
    text = MINE.matcher(text).replaceAll(" ");
    Period period = Period.UPCOMING;
    Matcher when = PERIOD.matcher(text);
    if (when.find()) {
      period = PeriodWords.of(when.group("p")).orElse(Period.UPCOMING);
      text = text.substring(0, when.start()) + " " + text.substring(when.end());
    }
    String rest = CONNECTORS.matcher(text).replaceAll(" ").replaceAll(" +", " ").strip();
    if (!NOUN.matcher(rest).matches()) {
      return Optional.empty();
    }
    return Optional.of(new ParseResult.Parsed(new Command.ListInterviews(period, isMine), utterance.language()));
  }
}

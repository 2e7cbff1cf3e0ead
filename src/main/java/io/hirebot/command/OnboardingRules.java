package io.hirebot.command;

import java.util.List;
import java.util.Optional;

/**
 * Grammar rows for {@link Command.ListOnboarding} (issue 16): "onboarding", "onboarding next week", "who starts
 * this week", "入职", "入职 下周", "本周入职名单". Only this week and next week are meant; another period is left
 * to the other rows (and so to the help card).
 */
final class OnboardingRules {

  private static final String EN_WEEK = "(?<p>this week|next week)";
  private static final String ZH_WEEK = "(?<p>本周|这周|这个星期|本星期|下周|下个星期|下星期)";
  private static final String EN_NOUN = "(?:onboarding|onboardings|start dates|new joiners|new starters|starters)";
  private static final String ZH_NOUN = "入职(?:名单|安排|情况|的人|人员)?";

  static final List<CommandRule> RULES = List.of(
      // "onboarding", "onboarding this week", "new joiners for next week"
      rule("^" + EN_NOUN + "(?: (?:for |in )?" + EN_WEEK + ")?$"),
      // "next week's onboarding", "this week onboarding"
      rule("^" + EN_WEEK + "(?:'s)? " + EN_NOUN + "$"),
      // "who starts this week", "who is joining next week"
      rule("^who (?:starts|joins|is starting|is joining|onboards) " + EN_WEEK + "$"),
      // "入职", "入职 下周", "入职名单 本周"
      rule("^" + ZH_NOUN + "(?: ?" + ZH_WEEK + ")?$"),
      // "本周入职", "下周 入职的人", "下周谁入职"
      rule("^" + ZH_WEEK + " ?(?:的|谁)? ?" + ZH_NOUN + "$"));

  private OnboardingRules() {}

  private static PatternRule rule(String regex) {
    return PatternRule.groups(regex, m -> {
      String word = PatternRule.group(m, "p");
      Period period = word.isEmpty() ? Period.THIS_WEEK : PeriodWords.of(word).orElse(Period.THIS_WEEK);
      return Optional.of(new Command.ListOnboarding(period));
    });
  }
}

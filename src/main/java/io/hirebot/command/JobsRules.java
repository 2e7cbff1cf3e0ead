package io.hirebot.command;

import java.util.List;
import java.util.Optional;

/** Grammar rows for {@link Command.ListJobs}: "jobs", "open jobs", "jobs backend", "职位", "在招职位", "职位 后端". */
final class JobsRules {

  private static final String EN_NOUN = "(?:jobs|positions|openings|roles)";
  private static final String ZH_NOUN = "(?:职位|岗位)(?:列表)?";

  static final List<CommandRule> RULES = List.of(
      // "有哪些职位", "哪些岗位在招": a question about all jobs, not a keyword "有哪些"
      rule("^(?:都?有哪些|有什么|哪些)(?:在招的?|开放的?)?" + ZH_NOUN + "(?:在招)?$"),
      // "what jobs are open", "which positions do we have"
      rule("^(?:what|which) (?:" + EN_NOUN + ") (?:are|do we have|are there)(?: (?:open|available))?$"),
      // "jobs", "open jobs", "jobs backend", "job BE-001", "positions"
      rule("^(?:open |available |current )?(?:" + EN_NOUN + "|job|position)(?: (?<arg>.+))?$"),
      // "backend jobs"
      rule("^(?<arg>.+?) " + EN_NOUN + "$"),
      // "职位", "职位列表", "在招职位", "职位 后端"
      rule("^(?:在招|开放|招聘中)?的?" + ZH_NOUN + "(?: ?(?<arg>.+))?$"),
      // "后端职位", "后端相关的岗位"
      rule("^(?<arg>.+?) ?(?:的|相关的?)? ?" + ZH_NOUN + "$"));

  private JobsRules() {}

  private static PatternRule rule(String regex) {
    // "摘要 每天 9点 职位", "免打扰 职位": a setting typed wrong, which the settings rows refused, is no jobs keyword.
    return PatternRule.of(regex, arg -> EntityReader.startsWithSetting(arg) ? Optional.empty()
        : Slots.keyword(arg).map(Command.ListJobs::new));
  }
}

package io.hirebot.command;

import java.util.List;

/**
 * Grammar rows for {@link Command.ShowProfile}: "candidate Alice Johnson", "profile of 张伟", "候选人 张三",
 * "张三的简历". "候选人 X" is a profile only when X does not look like a job (see {@link Slots#looksLikeJob});
 * otherwise these rows decline and the candidates rows list the job.
 */
final class ProfileRules {

  private static final String ZH_PERSON_NOUN = "(?:候选人|应聘者|人才)";
  private static final String ZH_ABOUT = "(?:简历|资料|档案|信息|情况|详情|进展|面试情况|背景)";

  static final List<CommandRule> RULES = List.of(
      MissingArgumentRule.of("^(?:candidate|profile|talent)(?: (?:of|for|named|called))?$", CommandPhrases::missingName),
      // "candidate Alice", "candidate named 张伟", "profile of Alice", "talent Alice"
      rule("^(?:candidate|talent|person) (?:named |called )?(?<arg>.+)$"),
      rule("^(?:candidate |talent )?profile (?:of |for )?(?<arg>.+)$"),
      // "Alice Johnson's profile", "张伟's profile"
      rule("^(?<arg>.+?)(?:'s|’s) (?:profile|resume|cv|applications?)$"),
      // "who is Alice Johnson", "look up Alice", "find candidate Alice", "search for 张伟"
      rule("^(?:who is|look up|lookup|find|search(?: for)?)(?: (?:candidate|talent|the candidate))? (?<arg>.+)$"),
      // "候选人 张三", "候选人张三", "人才 张三"
      rule("^" + ZH_PERSON_NOUN + " ?(?<arg>.+)$"),
      // "张三的简历", "张三 的资料", "张伟的面试情况"
      rule("^(?<arg>.+?) ?的" + ZH_ABOUT + "$"),
      // "查找张三", "搜索 候选人 张三", "找一下张三"
      rule("^(?:查找|搜索|查询|查|找)(?:一下)? ?(?:候选人|人才)? ?(?<arg>.+)$"));

  private ProfileRules() {}

  private static PatternRule rule(String regex) {
    return PatternRule.of(regex, arg -> Slots.personName(arg).map(Command.ShowProfile::new));
  }
}

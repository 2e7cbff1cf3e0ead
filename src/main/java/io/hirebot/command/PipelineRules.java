package io.hirebot.command;

import java.util.List;

/** Grammar rows for {@link Command.ShowPipeline}: "pipeline for job X", "X funnel", "X 的招聘漏斗", "漏斗 X". */
final class PipelineRules {

  private static final String EN_NOUN = "(?:(?:hiring |recruiting )?(?:pipeline|funnel)|conversion(?: rates?)?|stage stats)";
  private static final String ZH_NOUN = "(?:招聘漏斗|漏斗|转化率|转化|招聘进度|招聘进展|各阶段人数|阶段分布)";

  static final List<CommandRule> RULES = List.of(
      MissingArgumentRule.of("^(?:(?:what is|what's|how is|how's) )?(?:the )?" + EN_NOUN + "(?: (?:for|of))?(?: (?:the )?(?:job|position))?$",
          CommandPhrases::missingPipelineJob),
      MissingArgumentRule.of("^(?:(?:职位|岗位) ?)?的?" + ZH_NOUN + "$", CommandPhrases::missingPipelineJob),
      // "pipeline for job Backend", "funnel of BE-001", "conversion for Backend", "pipeline Backend"
      rule("^(?:show )?" + EN_NOUN + " (?:for |of |at )?(?<arg>.+)$"),
      // "Backend pipeline", "Backend Engineer funnel"
      rule("^(?<arg>.+?) " + EN_NOUN + "$"),
      // "how is Backend doing", "how is the Backend pipeline doing"
      rule("^how (?:is|are) (?<arg>.+?)(?: pipeline)? doing$"),
      // "后端的招聘漏斗", "后端 漏斗", "职位 BE-001 的转化率"
      rule("^(?<arg>.+?) ?的? ?" + ZH_NOUN + "$"),
      // "招聘漏斗 后端"
      rule("^" + ZH_NOUN + " ?(?<arg>.+)$"));

  private PipelineRules() {}

  private static PatternRule rule(String regex) {
    return PatternRule.of(regex, arg -> Slots.jobQuery(arg).map(Command.ShowPipeline::new));
  }
}

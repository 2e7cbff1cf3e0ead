package io.hirebot.command;

import java.util.List;
import java.util.Optional;

/** Grammar rows for {@link Command.ShowCandidates}: "candidates for job X", "X candidates", "X 的候选人", "候选人 X". */
final class CandidatesRules {

  private static final String EN_NOUN = "(?:candidates|applicants)";
  private static final String ZH_NOUN = "(?:候选人|应聘者|申请人)(?:列表|名单)?";
  // Words Chinese puts between the job and the noun: 的, 有哪些, 的所有 ...
  private static final String ZH_LINK = " ?(?:的|有哪些|都有哪些|有什么)? ?(?:所有|全部)? ?";

  static final List<CommandRule> RULES = List.of(
      // "candidates", "candidates for job", "的候选人": no job, so answer with the full form.
      MissingArgumentRule.of(
          "^" + EN_NOUN + "(?: (?:for|of|to))?(?: (?:the )?(?:job|position|role))?$", CommandPhrases::missingJob),
      MissingArgumentRule.of("^(?:(?:职位|岗位) ?)?" + ZH_LINK + ZH_NOUN + "$", CommandPhrases::missingJob),
      // "candidates for Backend", "candidates of job BE-001", "applicants for X", "candidate for X"
      rule("^(?:candidates?|applicants|applications) (?:for|of|to|at) (?<arg>.+)$"),
      // "candidate Backend Engineer": a job, since the profile rows declined it
      rule("^candidate (?<arg>.+)$"),
      // "who applied to Backend", "who has applied for X"
      rule("^who (?:has |have )?applied (?:to|for) (?<arg>.+)$"),
      // "candidates Backend"
      rule("^" + EN_NOUN + " (?<arg>.+)$"),
      // "Backend candidates"
      rule("^(?<arg>.+?) " + EN_NOUN + "$"),
      // "投递 后端 的人", "应聘后端的候选人": before the next row, which would keep 投递 in the job
      rule("^(?:投递|应聘|申请)了? ?(?<arg>.+?) ?的(?:人|同学|" + ZH_NOUN + ")$"),
      // "谁投递了后端"
      rule("^谁(?:投递|应聘|申请)了? ?(?<arg>.+)$"),
      // "后端 的候选人", "后端开发工程师候选人", "后端 有哪些候选人", "职位 BE-001 的候选人"
      rule("^(?<arg>.+?)" + ZH_LINK + ZH_NOUN + "$"),
      // "候选人 后端"
      rule("^" + ZH_NOUN + " ?(?<arg>.+)$"));

  private CandidatesRules() {}

  private static PatternRule rule(String regex) {
    return PatternRule.of(regex, arg -> Slots.jobQuery(arg).map(Command.ShowCandidates::new));
  }
}

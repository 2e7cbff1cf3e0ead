package io.hirebot.command;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The command table: every rule of every command, tried in order, first match wins. To add a command,
 * write its {@code XxxRules} class and list it here; put more specific commands before more general ones.
 */
final class Grammar {

  /** Matching ignores case (in any script) but captured arguments keep the user's casing. */
  static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  // Typed actions first: "reject Carol Davis" must never be read as any other command (issue 17), and a negated one
  // ("don't reject Carol Davis") before them, so that it is never read as the change it forbids.
  // Candidates before jobs: "职位 BE-001 的候选人" is about candidates, though it starts with 职位.
  // Subscriptions and digests early: their keywords lead, and "订阅 后端 职位" is no jobs list.
  // Interviews, offers and pipeline before candidates: their nouns are unambiguous, while the candidates rows
  // take almost any text as a job. Filters before the plain candidates rows, which would keep "in screening"
  // in the job name. Profile before candidates: "候选人 张三" is a person, "候选人 后端" (a job word) falls through.
  static final List<CommandRule> RULES = Stream.<List<CommandRule>>of(List.of(new NegatedChangeRule(), new ActionRules()), HelpRules.RULES, TasksRules.RULES, AccessRules.RULES, SubscriptionRules.RULES,
          DigestRules.RULES, OnboardingRules.RULES, List.of(new InterviewsRule()),
          OffersRules.RULES, PipelineRules.RULES, List.of(new FilteredCandidatesRule()),
          ProfileRules.RULES, CandidatesRules.RULES, JobsRules.RULES)
      .flatMap(List::stream)
      .toList();

  private Grammar() {}

  /** The first rule's verdict on the utterance, or empty when no rule recognizes it. */
  static Optional<ParseResult> match(Utterance utterance) {
    for (CommandRule rule : RULES) {
      Optional<ParseResult> result = rule.match(utterance);
      if (result.isPresent()) {
        return result;
      }
    }
    return Optional.empty();
  }
}

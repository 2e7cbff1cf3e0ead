package io.hirebot.command;

import java.util.List;

/** Grammar rows for {@link Command.ListOffers}: "offers", "offers for job X", "X offers", "Offer 列表", "X 的 Offer". */
final class OffersRules {

  private static final String EN_NOUN = "(?:offers|offer list|offer status(?:es)?)";
  /** Words before "offers" that qualify them rather than name a job: "pending offers" is every job's. */
  private static final String EN_QUALIFIER = "(?:(?:all|pending|open|current|recent|outstanding|the|status of|state of) )*";
  private static final String ZH_NOUN = "(?:offer|OFFER|Offer)(?: ?(?:列表|情况|状态|进度|审批))?";

  static final List<CommandRule> RULES = List.of(
      // "offers", "pending offers", "offer list", "offers please"
      rule("^" + EN_QUALIFIER + EN_NOUN + "$"),
      // "offers for job Backend", "offers of BE-001", "pending offers for Backend"
      rule("^" + EN_QUALIFIER + EN_NOUN + " (?:for|of|at|in) (?<arg>.+)$"),
      // "Backend offers"
      rule("^(?<arg>.+?) " + EN_NOUN + "$"),
      // "Offer 列表", "所有 offer", "offer 情况", "发出的 offer"
      rule("^(?:所有的?|全部的?|最近的?|待处理的?|发出的?|已发的?)? ?" + ZH_NOUN + "$"),
      // "后端 的 Offer", "后端的offer情况"
      rule("^(?<arg>.+?) ?的? ?" + ZH_NOUN + "$"),
      // "Offer 后端"
      rule("^" + ZH_NOUN + " (?<arg>.+)$"));

  private OffersRules() {}

  private static PatternRule rule(String regex) {
    return PatternRule.of(regex, arg -> Slots.optionalJobQuery(arg).map(Command.ListOffers::new));
  }
}

package io.hirebot.command;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Grammar rows for {@link Command.ListOffers}: "offers", "offers for job X", "X offers", "Offer 列表", "X 的 Offer",
 * and the same for the offers still open: "pending offers [for X]", "offers still pending", "待处理的 offer",
 * "X 进行中的 Offer".
 */
final class OffersRules {

  /** The group that, when it took part, asks for the pending offers only. */
  private static final String PENDING = "pending";
  private static final String EN_NOUN = "(?:offers|offer list|offer status(?:es)?)";
  /** Words before "offers" that qualify them rather than name a job or a status: "all offers" is every job's. */
  private static final String EN_QUALIFIER = "(?:(?:all|current|recent|the|status of|state of) )*";
  /** Words that ask for the offers still open (not yet accepted, declined, withdrawn, refused or expired). */
  private static final String EN_PENDING =
      "(?<" + PENDING + ">pending|open|outstanding|ongoing|in progress|active|unsigned) ";
  private static final String EN_OPEN = EN_QUALIFIER + "(?:" + EN_PENDING + EN_QUALIFIER + ")?";
  private static final String ZH_NOUN = "(?:offer|OFFER|Offer)(?: ?(?:列表|情况|状态|进度|审批))?";
  private static final String ZH_PENDING = "(?<" + PENDING + ">待处理|进行中|未完成|未结束|处理中|在途)的? ?";

  static final List<CommandRule> RULES = List.of(
      // "offers", "pending offers", "offer list", "offers please"
      rule("^" + EN_OPEN + EN_NOUN + "$"),
      // "offers still pending", "offers that are still open"
      rule("^" + EN_QUALIFIER + EN_NOUN + " (?:that are |which are )?(?:still )?(?<" + PENDING
          + ">pending|open|outstanding)$"),
      // "offers for job Backend", "offers of BE-001", "pending offers for Backend"
      rule("^" + EN_OPEN + EN_NOUN + " (?:for|of|at|in) (?<arg>.+)$"),
      // "Backend offers", "pending Backend offers"
      rule("^(?:" + EN_PENDING + ")?(?<arg>.+?) " + EN_NOUN + "$"),
      // "Offer 列表", "所有 offer", "offer 情况", "发出的 offer", "待处理的 offer", "进行中的offer"
      rule("^(?:所有的?|全部的?|最近的?|发出的?|已发的?)? ?(?:" + ZH_PENDING + ")?" + ZH_NOUN + "$"),
      // "后端 的 Offer", "后端的offer情况", "后端 待处理的 offer", "后端的进行中的offer"
      rule("^(?<arg>.+?) ?的? ?(?:" + ZH_PENDING + ")?" + ZH_NOUN + "$"),
      // "Offer 后端"
      rule("^" + ZH_NOUN + " (?<arg>.+)$"));

  private OffersRules() {}

  private static PatternRule rule(String regex) {
    return PatternRule.groups(regex, OffersRules::offers);
  }

  private static Optional<Command> offers(Matcher m) {
    boolean pending = !PatternRule.group(m, PENDING).isEmpty();
    return Slots.optionalJobQuery(PatternRule.group(m, PatternRule.ARG)).map(job -> new Command.ListOffers(job, pending));
  }
}

package io.hirebot.command;

import io.hirebot.i18n.Language;
import io.hirebot.command.Command.NotificationKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Grammar rows for notifications: "subscribe job X [to new|stage|offer]", "unsubscribe job X",
 * "subscriptions" / "settings", "订阅 X [新投递|阶段|offer]", "取消订阅 X", "订阅列表" / "设置".
 */
final class SubscriptionRules {

  private static final String EN_KIND = "(?:new applications|new|stage changes|stages|stage|offers|offer)";
  private static final String ZH_KIND = "(?:新投递|新申请|阶段变化|阶段变更|阶段|offer|录用)";
  private static final String EN_KINDS = "(?<kinds>" + EN_KIND + "(?:(?:, ?| and | ?/ ?| )" + EN_KIND + ")*)";
  private static final String ZH_KINDS = "(?<kinds>" + ZH_KIND + "(?:(?:和|、|,| )*" + ZH_KIND + ")*)";
  private static final String JOB = "(?:(?:the )?(?:job|position) )?";
  /** "subscribe this chat to X", "follow here X": the chat is where the command is typed anyway. */
  private static final String HERE = "(?: (?:this chat|this group|us|here))?";
  private static final String TIME = "\\d{1,2}(?::\\d{2}| ?am| ?pm|点半|点)?";

  static final List<CommandRule> RULES = List.of(
      // The chat's settings card: what it follows, its digest, quiet hours and zone. Bare "quiet", "digest" or
      // "timezone" asks what is set, and the card shows how to change it.
      PatternRule.phrases(new Command.ListSubscriptions(), List.of("subscriptions", "my subscriptions",
          "list subscriptions", "settings", "chat settings", "notification settings", "show settings", "quiet",
          "quiet hours", "digest", "daily digest", "timezone", "time zone", "tz", "订阅列表", "我的订阅", "所有订阅",
          "查看订阅", "设置", "查看设置", "通知设置", "本群设置", "免打扰", "摘要", "每日摘要", "时区")),
      MissingArgumentRule.of("^(?:subscribe|follow)" + HERE + "(?: to)?(?: (?:the )?job)?$", SubscriptionRules::missingJob),
      MissingArgumentRule.of("^订阅(?: ?(?:职位|岗位))?$", SubscriptionRules::missingJob),
      MissingArgumentRule.of("^(?:(?:unsubscribe|unfollow)(?: from)?(?: (?:the )?job)?|stop (?:the )?notifications"
          + "|取消订阅(?: ?(?:职位|岗位))?)$",
          SubscriptionRules::missingUnsubscribeJob),
      PatternRule.of("^(?:unsubscribe|unfollow)(?: from)? " + JOB + "(?<arg>.+)$", SubscriptionRules::unsubscribe),
      PatternRule.of("^取消订阅 ?(?<arg>.+)$", SubscriptionRules::unsubscribe),
      PatternRule.groups("^(?:subscribe|follow)" + HERE + "(?: to)? " + JOB + "(?<job>.+?)(?: (?:to|for|on) " + EN_KINDS + ")?$",
          SubscriptionRules::subscribe),
      PatternRule.groups("^订阅 ?(?<job>.+?)(?: ?的? ?" + ZH_KINDS + ")?$", SubscriptionRules::subscribe),
      PatternRule.phrases(new Command.QuietHoursOff(), List.of("quiet off", "quiet hours off", "no quiet hours",
          "关闭免打扰", "免打扰 关闭", "取消免打扰")),
      PatternRule.groups(quietWindow(TIME), SubscriptionRules::quiet),
      // "quiet 25:00-08:00", "quiet 08:00-08:00": what is wrong, and an example, rather than the bare help.
      OutOfRangeRule.of(quietWindow(DigestRules.ANY_TIME),
          m -> OutOfRangeRule.notATime(m, "from", "to").or(() -> emptyWindow(m)), SubscriptionRules::quietExample));


  private SubscriptionRules() {}

  private static Optional<Command> subscribe(Matcher m) {
    Set<NotificationKind> kinds = kinds(PatternRule.group(m, "kinds"));
    return Slots.jobQuery(PatternRule.group(m, "job")).map(job -> new Command.Subscribe(job, kinds));
  }

  /** "quiet 22:00-08:00", "免打扰 22点到8点": the window's two ends as {@code time}s, groups "from" and "to". */
  private static String quietWindow(String time) {
    return "^(?:quiet|quiet hours|免打扰) ?(?:from )?(?<from>" + time + ") ?(?:-|~|to|until|到|至) ?(?<to>" + time + ")$";
  }

  static String quietExample(Language language) {
    return language == Language.EN ? "quiet 22:00-08:00" : "免打扰 22:00-08:00";
  }

  private static Optional<Command> quiet(Matcher m) {
    var from = DigestRules.time(PatternRule.group(m, "from"));
    var to = DigestRules.time(PatternRule.group(m, "to"));
    return from.isPresent() && to.isPresent() && !from.get().equals(to.get())
        ? Optional.of(new Command.QuietHours(from.get(), to.get())) : Optional.empty();
  }

  /** Two times of day that are the same time ("08:00-8am"): quiet hours of no length. */
  private static Optional<ParseResult.Problem> emptyWindow(Matcher m) {
    String from = PatternRule.group(m, "from");
    String to = PatternRule.group(m, "to");
    return DigestRules.time(from).equals(DigestRules.time(to))
        ? Optional.of(new ParseResult.Problem(ParseResult.Problem.Kind.EMPTY_WINDOW, from.strip() + "-" + to.strip()))
        : Optional.empty();
  }

  private static Optional<Command> unsubscribe(String arg) {
    return Slots.jobQuery(arg).map(Command.Unsubscribe::new);
  }

  /** The kinds named in a phrase like "new and offer" / "新投递和offer"; empty when none are named. */
  static Set<NotificationKind> kinds(String phrase) {
    Set<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
    String p = phrase.toLowerCase(Locale.ROOT);
    if (p.contains("new") || p.contains("新")) {
      kinds.add(NotificationKind.NEW);
    }
    if (p.contains("stage") || p.contains("阶段")) {
      kinds.add(NotificationKind.STAGE);
    }
    if (p.contains("offer") || p.contains("录用")) {
      kinds.add(NotificationKind.OFFER);
    }
    return kinds;
  }

  static String missingUnsubscribeJob(Language language) {
    return language == Language.EN ? "unsubscribe job <name>" : "取消订阅 <职位>";
  }

  static String missingJob(Language language) {
    return language == Language.EN ? "subscribe job <name>" : "订阅 <职位>";
  }
}

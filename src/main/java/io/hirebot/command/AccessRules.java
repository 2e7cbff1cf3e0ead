package io.hirebot.command;

import io.hirebot.i18n.Language;
import java.util.List;
import java.util.Optional;

/**
 * Grammar rows for the admin commands: "enable" / "启用", "disable" / "停用", "audit [N]" / "审计 [N]",
 * "failed events" / "失败事件".
 */
final class AccessRules {

  static final List<String> ENABLE = List.of("enable", "enable hirebot", "enable here", "启用", "开启", "启用机器人");
  static final List<String> DISABLE = List.of("disable", "disable hirebot", "disable here", "停用", "关闭", "停用机器人");

  static final List<String> FAILED_EVENTS = List.of("failed events", "failed event", "dead letters", "失败事件",
      "失败的事件");

  private static final String AUDIT = "^(?:audit|audit log|审计|审计日志)";

  static final List<CommandRule> RULES = List.of(
      PatternRule.phrases(new Command.FailedEvents(), FAILED_EVENTS),
      PatternRule.phrases(new Command.Enable(), ENABLE),
      PatternRule.phrases(new Command.Disable(), DISABLE),
      PatternRule.of(AUDIT + "(?:\\s*(?<arg>\\d{1,9}))?$", arg -> arg.isEmpty()
          ? Optional.of(new Command.Audit(Command.Audit.DEFAULT)) : audit(Integer.parseInt(arg))),
      // "audit 0", "audit 100000": how many it shows, rather than another number than asked or the bare help.
      OutOfRangeRule.of(AUDIT + "\\s*(?<arg>-?\\d+)$", m -> Optional.of(new ParseResult.Problem(
          ParseResult.Problem.Kind.AUDIT_RANGE, PatternRule.group(m, PatternRule.ARG))), AccessRules::auditExample));

  private static Optional<Command> audit(int limit) {
    return limit >= 1 && limit <= Command.Audit.MAX ? Optional.of(new Command.Audit(limit)) : Optional.empty();
  }

  static String auditExample(Language language) {
    return (language == Language.EN ? "audit " : "审计 ") + Command.Audit.MAX;
  }

  private AccessRules() {}
}

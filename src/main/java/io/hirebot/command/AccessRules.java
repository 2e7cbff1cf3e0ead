package io.hirebot.command;

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

  static final List<CommandRule> RULES = List.of(
      PatternRule.phrases(new Command.FailedEvents(), FAILED_EVENTS),
      PatternRule.phrases(new Command.Enable(), ENABLE),
      PatternRule.phrases(new Command.Disable(), DISABLE),
      PatternRule.of("^(?:audit|audit log|审计|审计日志)(?:\\s*(?<arg>\\d{1,3}))?$", arg -> Optional.of(new Command.Audit(
          arg.isEmpty() ? Command.Audit.DEFAULT
              : Math.min(Command.Audit.MAX, Math.max(1, Integer.parseInt(arg)))))));

  private AccessRules() {}
}

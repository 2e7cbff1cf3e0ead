package io.hirebot.command;

import java.util.List;
import java.util.Optional;

/** Grammar rows for {@link Command.Help}: "help", "?", "what can you do", "帮助", "你能做什么", "菜单". */
final class HelpRules {

  static final List<String> PHRASES = List.of(
      "help", "h", "help me", "commands", "command list", "what can you do", "how to use", "usage", "menu",
      "帮助", "你能做什么", "你可以做什么", "你会做什么", "你会什么", "怎么用", "如何使用", "使用说明", "菜单", "命令",
      "指令", "功能");

  static final List<CommandRule> RULES = List.of(
      PatternRule.phrases(new Command.Help(), PHRASES),
      // Only punctuation-only text keeps its "?" through normalization: "?", "??", "？".
      PatternRule.of("^\\?+$", arg -> Optional.of(new Command.Help())));

  private HelpRules() {}
}

package io.hirebot.command;

import java.util.List;

/**
 * Grammar rows for {@link Command.MyTasks}: "my tasks", "my to-dos", "what do I need to do", "我的待办", "待办",
 * "我的任务". Early in the table: "tasks" would otherwise be read as a job name by the candidates rows.
 */
final class TasksRules {

  static final List<String> PHRASES = List.of(
      "my tasks", "tasks", "my task", "my todos", "my todo", "my to-dos", "my to-do", "my to do", "todo", "todos",
      "to-do", "to do list", "todo list", "my pending tasks", "pending tasks", "what do i need to do",
      "what should i do", "what's waiting for me", "whats waiting for me", "what's on my plate", "whats on my plate",
      "who do i need to give feedback on", "what do i need to review", "anything for me to do",
      "我的待办", "待办", "待办事项", "我的待办事项", "我的任务", "我的待处理", "待处理", "我要做什么", "我有什么待办", "我有哪些待办",
      "我有哪些待办事项", "我还有什么要处理的", "有什么要我处理的");

  static final List<CommandRule> RULES = List.of(PatternRule.phrases(new Command.MyTasks(), PHRASES));

  private TasksRules() {}
}

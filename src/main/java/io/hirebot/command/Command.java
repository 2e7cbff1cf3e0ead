package io.hirebot.command;

/** A chat command the parser understood. The command-language issue adds more records here. */
public sealed interface Command permits Command.Help, Command.ShowCandidates, Command.ListJobs {

  /** {@code help} / {@code 帮助}. */
  record Help() implements Command {}

  /** {@code show candidates for job X} / {@code X 的候选人}: {@code jobQuery} is X as typed (code, name or part of it). */
  record ShowCandidates(String jobQuery) implements Command {}

  /** {@code jobs [keyword]} / {@code 职位 [关键词]}: keyword may be empty. */
  record ListJobs(String keyword) implements Command {}
}

package io.hirebot.command;

/** A chat command the parser understood. The command-language issue adds more records here. */
public sealed interface Command
    permits Command.Help, Command.ShowCandidates, Command.ListJobs, Command.Enable, Command.Disable,
        Command.Audit {

  /** Whether answering shows hiring data, which group chats see only once enabled (DESIGN §5). */
  default boolean readsHiringData() {
    return true;
  }

  /** {@code help} / {@code 帮助}. */
  record Help() implements Command {
    @Override
    public boolean readsHiringData() {
      return false;
    }
  }

  /** {@code show candidates for job X} / {@code X 的候选人}: {@code jobQuery} is X as typed (code, name or part of it). */
  record ShowCandidates(String jobQuery) implements Command {}

  /** {@code jobs [keyword]} / {@code 职位 [关键词]}: keyword may be empty. */
  record ListJobs(String keyword) implements Command {}

  /** {@code enable} / {@code 启用}: an admin allows hiring data in this group. */
  record Enable() implements Command {
    @Override
    public boolean readsHiringData() {
      return false;
    }
  }

  /** {@code disable} / {@code 停用}: an admin stops hiring data in this group. */
  record Disable() implements Command {
    @Override
    public boolean readsHiringData() {
      return false;
    }
  }

  /** {@code audit [N]} / {@code 审计 [N]}: an admin's view of the latest recorded queries and actions. */
  record Audit(int limit) implements Command {
    public static final int DEFAULT = 20;
    public static final int MAX = 50;

    @Override
    public boolean readsHiringData() {
      return false;
    }
  }
}

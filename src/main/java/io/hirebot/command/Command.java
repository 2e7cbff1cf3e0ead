package io.hirebot.command;

/** A chat command the parser understood. The command-language issue adds more records here. */
public sealed interface Command
    permits Command.Help, Command.ShowCandidates, Command.ListJobs, Command.ShowProfile, Command.ShowPipeline,
        Command.ListInterviews, Command.ListOffers, Command.Enable, Command.Disable, Command.Audit {

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

  /**
   * {@code show candidates for job X [in stage S] [applied last week]} / {@code 上周投递 X 还在初筛的}:
   * {@code jobQuery} is X as typed (code, name or part of it); {@code stageQuery} is S as typed, "" for every
   * stage; {@code appliedSince} is null for any application date.
   */
  record ShowCandidates(String jobQuery, String stageQuery, Period appliedSince) implements Command {
    /** Every stage, any application date. */
    public ShowCandidates(String jobQuery) {
      this(jobQuery, "", null);
    }
  }

  /** {@code jobs [keyword]} / {@code 职位 [关键词]}: keyword may be empty. */
  record ListJobs(String keyword) implements Command {}

  /** {@code candidate NAME} / {@code 候选人 张三}: one talent's profile; {@code name} as typed. */
  record ShowProfile(String name) implements Command {}

  /** {@code pipeline for job X} / {@code X 的招聘漏斗}: the job's stage funnel. */
  record ShowPipeline(String jobQuery) implements Command {}

  /** {@code interviews [today|tomorrow|this week] [mine]} / {@code 今天的面试}, {@code 我的面试}. */
  record ListInterviews(Period period, boolean mine) implements Command {}

  /** {@code offers [job X]} / {@code Offer 列表}: {@code jobQuery} is "" for every job. */
  record ListOffers(String jobQuery) implements Command {}

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

package io.hirebot.command;

import io.hirebot.i18n.Language;

/** The one way each command is written back to users (suggestions, help examples), per language. */
public final class CommandPhrases {

  /** Example of {@code candidates for job X} when X was left out. */
  public static final String MISSING_JOB_EN = "candidates for job <name>";

  /** Example of {@code X 的候选人} when X was left out. */
  public static final String MISSING_JOB_ZH = "<职位> 的候选人";

  /** Example of {@code candidate NAME} when the name was left out. */
  public static final String MISSING_NAME_EN = "candidate <name>";

  /** Example of {@code 候选人 张三} when the name was left out. */
  public static final String MISSING_NAME_ZH = "候选人 <姓名>";

  /** Example of {@code pipeline for job X} when X was left out. */
  public static final String MISSING_PIPELINE_EN = "pipeline for job <name>";

  /** Example of {@code X 的招聘漏斗} when X was left out. */
  public static final String MISSING_PIPELINE_ZH = "<职位> 的招聘漏斗";

  private CommandPhrases() {}

  /** The canonical phrasing of {@code command} in {@code language}, e.g. "candidates for Backend" / "Backend 的候选人". */
  public static String canonical(Command command, Language language) {
    boolean english = language == Language.EN;
    if (command instanceof Command.ShowCandidates show) {
      return english ? "candidates for " + show.jobQuery() : show.jobQuery() + " 的候选人";
    }
    if (command instanceof Command.CountCandidates count) {
      String job = count.list().jobQuery();
      return english ? "how many candidates for " + job : job + " 有多少候选人";
    }
    if (command instanceof Command.WhereIs where) {
      return english ? "where is " + where.name() : where.name() + " 到哪一步了";
    }
    if (command instanceof Command.AskWhich ask) {
      Command meant = ask.forJob(english ? "<job>" : "<职位>");
      return meant == null ? missingName(language) : canonical(meant, language);
    }
    if (command instanceof Command.Clarify clarify) {
      return canonical(clarify.readings().get(0), language);
    }
    if (command instanceof Command.TurnPage turn) {
      // Another page of the card shown last is asked for by its number alone; its last page, whichever it is, so.
      if (turn.last()) {
        return english ? "last page" : "最后一页";
      }
      return english ? "page " + (turn.page() + 1) : "第" + (turn.page() + 1) + "页";
    }
    if (command instanceof Command.GoBack) {
      return english ? "back" : "返回";
    }
    if (command instanceof Command.ListJobs list) {
      String jobs = english ? "jobs" : "职位";
      return list.keyword().isEmpty() ? jobs : jobs + " " + list.keyword();
    }
    if (command instanceof Command.ShowProfile profile) {
      return (english ? "candidate " : "候选人 ") + profile.name();
    }
    if (command instanceof Command.ShowPipeline pipeline) {
      return english ? "pipeline for " + pipeline.jobQuery() : pipeline.jobQuery() + " 的招聘漏斗";
    }
    if (command instanceof Command.ListInterviews interviews) {
      return interviews(interviews, english);
    }
    if (command instanceof Command.ListOffers offers) {
      return offers(offers, english);
    }
    if (command instanceof Command.Help) {
      return english ? "help" : "帮助";
    }
    if (command instanceof Command.Enable) {
      return english ? "enable" : "启用";
    }
    if (command instanceof Command.Disable) {
      return english ? "disable" : "停用";
    }
    if (command instanceof Command.FailedEvents) {
      return english ? "failed events" : "失败事件";
    }
    if (command instanceof Command.Audit audit) {
      return (english ? "audit " : "审计 ") + audit.limit();
    }
    if (command instanceof Command.Change change) {
      return change(change, english);
    }
    if (command instanceof Command.Negated negated) {
      return (english ? "don't reject " : "不要淘汰") + negated.person();
    }
    String automation = automationPhrase(command, english);
    if (automation != null) {
      return automation;
    }
    throw new IllegalStateException("No canonical phrasing for command: " + command);
  }

  /** How to ask for a job's candidates, shown when the job was left out. */
  public static String missingJob(Language language) {
    return language == Language.EN ? MISSING_JOB_EN : MISSING_JOB_ZH;
  }

  /** How to ask for a talent's profile, shown when the name was left out. */
  public static String missingName(Language language) {
    return language == Language.EN ? MISSING_NAME_EN : MISSING_NAME_ZH;
  }

  /** How to ask for a job's funnel, shown when the job was left out. */
  public static String missingPipelineJob(Language language) {
    return language == Language.EN ? MISSING_PIPELINE_EN : MISSING_PIPELINE_ZH;
  }

  /** A period as words: "this week" / "本周"; empty for the default (upcoming) span. */
  public static String period(Period period, Language language) {
    boolean english = language == Language.EN;
    switch (period) {
      case TODAY: return english ? "today" : "今天";
      case TOMORROW: return english ? "tomorrow" : "明天";
      case YESTERDAY: return english ? "yesterday" : "昨天";
      case THIS_WEEK: return english ? "this week" : "本周";
      case NEXT_WEEK: return english ? "next week" : "下周";
      case LAST_WEEK: return english ? "last week" : "上周";
      case THIS_MONTH: return english ? "this month" : "本月";
      case LAST_MONTH: return english ? "last month" : "上个月";
      case PAST_WEEK: return english ? "past week" : "最近一周";
      case PAST_MONTH: return english ? "past month" : "最近一个月";
      default: return "";
    }
  }

  private static String interviews(Command.ListInterviews interviews, boolean english) {
    Language language = english ? Language.EN : Language.ZH;
    String when = period(interviews.period(), language);
    if (english) {
      return ((interviews.mine() ? "my interviews" : "interviews") + " " + when).strip();
    }
    if (when.isEmpty()) {
      return interviews.mine() ? "我的面试" : "面试";
    }
    return (interviews.mine() ? "我" : "") + when + "的面试";
  }

  /** "pending offers for BE-001", "BE-001 待处理的 Offer": as the offers grammar reads them back. */
  private static String offers(Command.ListOffers offers, boolean english) {
    String job = offers.jobQuery();
    if (english) {
      return (offers.pending() ? "pending offers" : "offers") + (job.isEmpty() ? "" : " for " + job);
    }
    String noun = offers.pending() ? "待处理的 Offer" : job.isEmpty() ? "Offer 列表" : "的 Offer";
    return job.isEmpty() ? noun : job + " " + noun;
  }

  private static String change(Command.Change change, boolean english) {
    if (change instanceof Command.Move m) {
      return english ? "move " + m.person() + " to " + m.stageQuery() : "把" + m.person() + "推进到" + m.stageQuery();
    }
    if (change instanceof Command.Advance a) {
      return english ? "advance " + a.person() : "推进" + a.person();
    }
    if (change instanceof Command.Reject r) {
      String remark = r.remark().isEmpty() ? "" : (english ? " — " : "，") + r.remark();
      return (english ? "reject " : "淘汰") + r.person() + remark;
    }
    Command.Note n = (Command.Note) change;
    return english ? "note on " + n.person() + ": " + n.text() : "给" + n.person() + "备注：" + n.text();
  }

  /** Phrasings of the subscription and digest commands, or null for other commands. */
  private static String automationPhrase(Command command, boolean english) {
    if (command instanceof Command.Subscribe s) {
      return english ? "subscribe job " + s.jobQuery() : "订阅 " + s.jobQuery();
    }
    if (command instanceof Command.Unsubscribe u) {
      return english ? "unsubscribe job " + u.jobQuery() : "取消订阅 " + u.jobQuery();
    }
    if (command instanceof Command.ListSubscriptions) {
      return english ? "subscriptions" : "订阅列表";
    }
    if (command instanceof Command.ScheduleDigest) {
      return english ? "digest daily 09:00" : "摘要 每天 09:00";
    }
    if (command instanceof Command.DigestOff) {
      return english ? "digest off" : "关闭摘要";
    }
    if (command instanceof Command.DigestNow) {
      return english ? "digest now" : "立即发送摘要";
    }
    if (command instanceof Command.QuietHours q) {
      return (english ? "quiet " : "免打扰 ") + q.start() + "-" + q.end();
    }
    if (command instanceof Command.QuietHoursOff) {
      return english ? "quiet off" : "关闭免打扰";
    }
    if (command instanceof Command.SetTimezone t) {
      return (english ? "timezone " : "时区 ") + t.zoneId();
    }
    return null;
  }
}

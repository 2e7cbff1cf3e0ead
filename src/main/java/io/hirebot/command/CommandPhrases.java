package io.hirebot.command;

/** The one way each command is written back to users (suggestions, help examples), per language. */
public final class CommandPhrases {

  /** Example of {@code candidates for job X} when X was left out. */
  public static final String MISSING_JOB_EN = "candidates for job <name>";

  /** Example of {@code X 的候选人} when X was left out. */
  public static final String MISSING_JOB_ZH = "<职位> 的候选人";

  private CommandPhrases() {}

  /** The canonical phrasing of {@code command} in {@code language}, e.g. "candidates for Backend" / "Backend 的候选人". */
  public static String canonical(Command command, Language language) {
    boolean english = language == Language.EN;
    if (command instanceof Command.ShowCandidates show) {
      return english ? "candidates for " + show.jobQuery() : show.jobQuery() + " 的候选人";
    }
    if (command instanceof Command.ListJobs list) {
      String jobs = english ? "jobs" : "职位";
      return list.keyword().isEmpty() ? jobs : jobs + " " + list.keyword();
    }
    if (command instanceof Command.Help) {
      return english ? "help" : "帮助";
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

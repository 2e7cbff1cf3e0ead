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
    if (command instanceof Command.Enable) {
      return english ? "enable" : "启用";
    }
    if (command instanceof Command.Disable) {
      return english ? "disable" : "停用";
    }
    if (command instanceof Command.Audit audit) {
      return (english ? "audit " : "审计 ") + audit.limit();
    }
    throw new IllegalStateException("No canonical phrasing for command: " + command);
  }

  /** How to ask for a job's candidates, shown when the job was left out. */
  public static String missingJob(Language language) {
    return language == Language.EN ? MISSING_JOB_EN : MISSING_JOB_ZH;
  }
}

package io.hirebot.command;

/** A chat command the parser understood. The command-language issue adds more records here. */
public sealed interface Command
    permits Command.Help, Command.ShowCandidates, Command.ListJobs, Command.ShowProfile, Command.ShowPipeline,
        Command.ListInterviews, Command.ListOffers, Command.Enable, Command.Disable, Command.Audit, Command.FailedEvents,
        Command.Subscribe, Command.Unsubscribe, Command.ListSubscriptions, Command.ScheduleDigest, Command.DigestOff,
        Command.DigestNow, Command.SetTimezone, Command.QuietHours, Command.QuietHoursOff, Command.MyTasks,
        Command.ListOnboarding, Command.CountCandidates, Command.WhereIs, Command.Clarify, Command.Change,
        Command.AskWhich, Command.TurnPage, Command.GoBack, Command.Negated {

  /**
   * The page "last page" / "最后一页" asks for: further than any card pages, so the card's pager shows its last page,
   * as it does for any page past it (the total is not known to the conversation; the pager knows it).
   */
  int LAST_PAGE = 1 << 20;

  /** Whether answering shows hiring data, which group chats see only once enabled (DESIGN §5). */
  default boolean readsHiringData() {
    return true;
  }

  /**
   * Whether it only shows something, the same wherever it is asked: what a bot-menu item may run (a menu click names
   * no chat, and a change belongs in the chat it is for). A command not in {@link #READ_ONLY} is not, so a new one
   * stays off the menu until it is added there.
   */
  default boolean readOnly() {
    return READ_ONLY.contains(getClass());
  }

  /** The commands that only show something and depend on no chat: the bot menu's. */
  java.util.Set<Class<? extends Command>> READ_ONLY = java.util.Set.of(Help.class, ShowCandidates.class,
      CountCandidates.class, WhereIs.class, ListJobs.class, ShowProfile.class, ShowPipeline.class, ListInterviews.class,
      ListOffers.class, Audit.class, FailedEvents.class, MyTasks.class, ListOnboarding.class);

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
  record ShowCandidates(String jobQuery, String stageQuery, Period appliedSince, int page) implements Command {
    public ShowCandidates {
      page = Math.max(0, page);
    }

    /** Every stage, any application date. */
    public ShowCandidates(String jobQuery) {
      this(jobQuery, "", null);
    }

    /** The first page. */
    public ShowCandidates(String jobQuery, String stageQuery, Period appliedSince) {
      this(jobQuery, stageQuery, appliedSince, 0);
    }
  }

  /**
   * {@code how many candidates for X [in S] [applied last week]} / {@code X 有多少候选人}: the number, answered
   * above the same list {@link ShowCandidates} shows.
   */
  record CountCandidates(ShowCandidates list) implements Command {}

  /** {@code where is Carol Davis} / {@code 张伟到哪一步了}: the stage each of the person's applications is in. */
  record WhereIs(String name) implements Command {}

  /**
   * Two or more plausible readings of one message ("Jordan": the job Jordan Fellowship or the person Jordan?):
   * the answer asks with one button per reading, and a click runs that reading.
   */
  record Clarify(java.util.List<Command> readings) implements Command {
    public Clarify {
      readings = java.util.List.copyOf(readings);
    }

    @Override
    public boolean readsHiringData() {
      return readings.stream().anyMatch(Command::readsHiringData);
    }

    @Override
    public boolean readOnly() {
      return readings.stream().allMatch(Command::readOnly);
    }
  }

  /**
   * A follow-up ("next page", "only the ones in interview", "her profile") with nothing to follow: no list or
   * person was shown to this user in this chat lately. The answer asks which job (with a button per open job that
   * runs {@code template} for it) or which person; it never guesses. {@code template} is the command the follow-up
   * would have been, its job left empty ({@link Subject#JOB}), or null ({@link Subject#PERSON}).
   */
  record AskWhich(Subject subject, Command template) implements Command {
    /**
     * What the follow-up lacked: a job's list, a person, or a card with pages to turn ("next page" after a card with no
     * pager, or after nothing), which is asked as a job's list is.
     */
    public enum Subject { JOB, PERSON, PAGE }

    /** The command the follow-up meant, about {@code job}; null when it was about a person. */
    public Command forJob(String job) {
      return template == null ? null : FollowUps.withJob(template, job);
    }
  }

  /**
   * {@code page 2}, {@code next page}, {@code 下一页} after a card with a pager that is no candidates list (a list
   * pages as {@link ShowCandidates}): that card ({@code card}, the conversation's) at {@code page}, from 0, as its
   * pager's button would show it; a page past its last is answered by saying so.
   */
  record TurnPage(Conversation.Paged card, int page) implements Command {
    public TurnPage {
      java.util.Objects.requireNonNull(card, "card");
      page = Math.max(0, page);
    }

    /** Whether the card's last page is asked for ({@link #LAST_PAGE}), whichever it is. */
    public boolean last() {
      return page == LAST_PAGE;
    }
  }

  /**
   * {@code back} / {@code 返回} after a card opened from a list (a profile with "Back to the list"): that list, as the
   * card's Back button shows it ({@code card.back()}, the conversation's). Where there is no list to go back to, "back"
   * is read as the previous page.
   */
  record GoBack(Conversation.Paged card) implements Command {
    public GoBack {
      if (card == null || card.back() == null) {
        throw new IllegalArgumentException("going back needs a card opened from a list");
      }
    }
  }

  /** {@code jobs [keyword]} / {@code 职位 [关键词]}: keyword may be empty. */
  record ListJobs(String keyword) implements Command {}

  /**
   * {@code candidate NAME} / {@code 候选人 张三}: one talent's profile; {@code name} as typed. {@code talentId} is
   * set when the talent is already known (a follow-up such as "the second one" names a row of the last card), and
   * the profile is then that talent's, whoever shares the name; "" otherwise.
   */
  record ShowProfile(String name, String talentId) implements Command {
    public ShowProfile {
      name = name == null ? "" : name;
      talentId = talentId == null ? "" : talentId;
    }

    /** A talent found by name. */
    public ShowProfile(String name) {
      this(name, "");
    }
  }

  /** {@code pipeline for job X} / {@code X 的招聘漏斗}: the job's stage funnel. */
  record ShowPipeline(String jobQuery) implements Command {}

  /** {@code interviews [today|tomorrow|this week] [mine]} / {@code 今天的面试}, {@code 我的面试}. */
  record ListInterviews(Period period, boolean mine) implements Command {}

  /**
   * {@code [pending] offers [job X]} / {@code [待处理的] Offer 列表}: {@code jobQuery} is "" for every job;
   * {@code pending} keeps only the offers still open (reference §9: not applied, approving, approved, sent, created).
   */
  record ListOffers(String jobQuery, boolean pending) implements Command {
    /** Every offer, pending or settled. */
    public ListOffers(String jobQuery) {
      this(jobQuery, false);
    }
  }

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

  /** {@code failed events} / {@code 失败事件}: an admin's view of the events parked after failing every attempt. */
  record FailedEvents() implements Command {
    public static final int LIMIT = 20;

    @Override
    public boolean readsHiringData() {
      return false;
    }
  }

  /** What a chat can be notified about for a job it follows. */
  enum NotificationKind { NEW, STAGE, OFFER }

  /** {@code subscribe job X [to new|stage|offer]} / {@code 订阅 X [新投递|阶段|offer]}: no kinds means all of them. */
  record Subscribe(String jobQuery, java.util.Set<NotificationKind> kinds) implements Command {
    public Subscribe {
      kinds = kinds.isEmpty() ? java.util.EnumSet.allOf(NotificationKind.class) : java.util.Set.copyOf(kinds);
    }
  }

  /** {@code unsubscribe job X} / {@code 取消订阅 X}. */
  record Unsubscribe(String jobQuery) implements Command {}

  /** {@code subscriptions} / {@code 订阅列表}: what this chat follows. */
  record ListSubscriptions() implements Command {}

  /**
   * {@code digest daily 09:00 [job X]}, {@code digest weekdays 18:00}, {@code digest weekly mon 09:00} and
   * {@code 摘要 每天 09:00}: {@code jobQuery} empty means the chat's subscribed jobs.
   */
  record ScheduleDigest(java.util.Set<java.time.DayOfWeek> days, java.time.LocalTime time, String jobQuery)
      implements Command {
    public ScheduleDigest {
      days = java.util.Set.copyOf(days);
    }
  }

  /** {@code digest off} / {@code 关闭摘要}. */
  record DigestOff() implements Command {}

  /** {@code digest now} / {@code 立即发送摘要}: this chat's digest, now, outside its schedule. */
  record DigestNow() implements Command {}

  /**
   * {@code timezone Europe/Berlin} / {@code 时区 Asia/Shanghai} / {@code timezone UTC+8}: {@code zoneId} is a valid
   * IANA zone id or a fixed offset ({@code UTC+08:00}).
   */
  record SetTimezone(String zoneId) implements Command {
    @Override
    public boolean readsHiringData() {
      return false;
    }
  }

  /** {@code quiet 22:00-08:00} / {@code 免打扰 22:00-08:00}: notifications in the window wait for its end. */
  record QuietHours(java.time.LocalTime start, java.time.LocalTime end) implements Command {
    @Override
    public boolean readsHiringData() {
      return false;
    }
  }

  /** {@code quiet off} / {@code 关闭免打扰}. */
  record QuietHoursOff() implements Command {
    @Override
    public boolean readsHiringData() {
      return false;
    }
  }

  /**
   * {@code my tasks} / {@code 我的待办}: what Hire is waiting for the sender to do. Only the sender's own tasks,
   * which Hire assigned to them, and always answered in their private chat: no group gate applies.
   */
  record MyTasks() implements Command {
    @Override
    public boolean readsHiringData() {
      return false;
    }
  }
  /**
   * A change said not to be made ("don't reject Carol Davis", "do not move 张伟 to offer", "不要淘汰 Li Lei"): nothing is
   * changed, and the answer says so, with the person's profile a click away, or that no one has that name: whether
   * someone does is hiring data, so it passes the gate as the profile it leads to would.
   */
  record Negated(String person) implements Command {}

  /** {@code onboarding [this week|next week]} / {@code 入职 [本周|下周]}: accepted offers starting then, per job (issue 16). */
  record ListOnboarding(Period period) implements Command {}
  /**
   * A change typed in words (issue 17, "Actions typed in words"): never done as typed. The answer is a
   * confirmation card whose Confirm runs the same guarded action as the candidate-row buttons; {@code person} is the
   * name as typed, which the handler looks up with Hire's talent search.
   */
  sealed interface Change extends Command permits Move, Advance, Reject, Note {
    String person();

    /**
     * The job the change names ("reject Carol Davis for backend", "把王敏的后端申请…"), as typed or as the tenant's code
     * once the parser knows it; "" when none is named (then every active application of the person is offered).
     */
    String jobQuery();

    /** The same change, for the job {@code jobQuery}. */
    Change forJob(String jobQuery);
  }

  /** {@code move Carol Davis to second interview} / {@code 把王敏推进到笔试}: {@code stageQuery} as typed. */
  record Move(String person, String stageQuery, String jobQuery) implements Change {
    public Move(String person, String stageQuery) {
      this(person, stageQuery, "");
    }

    @Override
    public Change forJob(String job) {
      return new Move(person, stageQuery, job);
    }
  }

  /** {@code advance 张伟} / {@code 推进张伟}: to the next stage of the job's process. */
  record Advance(String person, String jobQuery) implements Change {
    public Advance(String person) {
      this(person, "");
    }

    @Override
    public Change forJob(String job) {
      return new Advance(person, job);
    }
  }

  /** {@code reject Carol Davis — not enough experience} / {@code 淘汰张伟}: {@code remark} "" when none was typed. */
  record Reject(String person, String remark, String jobQuery) implements Change {
    public Reject(String person, String remark) {
      this(person, remark, "");
    }

    @Override
    public Change forJob(String job) {
      return new Reject(person, remark, job);
    }
  }

  /** {@code note on 李洋: strong system design} / {@code 给李洋备注：…}: {@code text} is the note. */
  record Note(String person, String text, String jobQuery) implements Change {
    public Note(String person, String text) {
      this(person, text, "");
    }

    @Override
    public Change forJob(String job) {
      return new Note(person, text, job);
    }
  }
}

package io.hirebot.feature.tasks;

import io.hirebot.bot.ClaimedMessages;
import io.hirebot.bot.Reply;
import io.hirebot.cards.WaitingOnTeam;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.TaskBoard;
import io.hirebot.hire.TaskBoard.Waiting;
import io.hirebot.i18n.Language;
import io.hirebot.schedule.QuietWindow;
import io.hirebot.schedule.DeferredRoutine;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chases Hire tasks that wait too long: once a day each person whose tasks waited over the configured age gets
 * one private card listing them (not one per task), and once a week each hiring manager whose jobs have tasks
 * waiting over {@link #ESCALATE_AFTER} gets one card naming who owes what. Each card is claimed in the
 * reminders ledger first ({@code tasks-nudge:<person>:<day>}, {@code tasks-escalate:<manager>:<week>}), so
 * restarts and replicas send it once; nothing goes out in the night window of the bot's zone.
 */
final class TaskNudges extends DeferredRoutine {
  static final Duration PERIOD = Duration.ofMinutes(15);
  /** Tasks older than this are escalated to the job's hiring managers (issue 16: "older than 3 days"). */
  static final Duration ESCALATE_AFTER = Duration.ofDays(3);
  // Both languages are on every card; Chinese, a Feishu tenant's default, is the fallback (as the reminders do).
  private static final Language LANG = Language.ZH;

  private final HireDirectory hire;
  private final TaskBoard board;
  private final ClaimedMessages once;
  private final TasksCard card;
  private final Duration nudgeAfter;
  private final ZoneId zone;

  TaskNudges(HireDirectory hire, TaskBoard board, ClaimedMessages once, TasksCard card, Duration nudgeAfter,
      ZoneId zone) {
    super("task-nudges", PERIOD);
    this.hire = hire;
    this.board = board;
    this.once = once;
    this.card = card;
    this.nudgeAfter = nudgeAfter;
    this.zone = zone;
  }

  @Override
  public Future<Void> run(Instant now) {
    if (QuietWindow.nights(zone).contains(now)) {
      return Future.succeededFuture();
    }
    return board.everyone(now)
        .compose(all -> Future.join(nudges(all, now), escalations(all, now)).mapEmpty());
  }

  private Future<?> nudges(List<Waiting> all, Instant now) {
    String day = LocalDate.ofInstant(now, zone).toString();
    List<Future<?>> sends = new ArrayList<>();
    WaitingOnTeam.byPerson(overdue(all, nudgeAfter, now)).forEach((person, theirs) -> sends.add(once.sendToUser(
        "tasks-nudge:" + person + ":" + day, person, () -> Reply.card(card.nudge(theirs, nudgeAfter, now, LANG)))));
    return Future.join(sends);
  }

  private Future<?> escalations(List<Waiting> all, Instant now) {
    List<Waiting> late = overdue(all, ESCALATE_AFTER, now);
    if (late.isEmpty()) {
      return Future.succeededFuture();
    }
    LocalDate date = LocalDate.ofInstant(now, zone);
    String week = date.get(IsoFields.WEEK_BASED_YEAR) + "-W" + date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    Set<String> jobs = new LinkedHashSet<>();
    late.forEach(w -> jobs.add(w.application().jobId()));
    Map<String, Future<List<String>>> managers = new HashMap<>();
    jobs.forEach(job -> managers.put(job, hire.jobTeam(job).map(t -> t.hiringManagerIds())));
    return Future.join(List.copyOf(managers.values())).transform(done -> {
      // Each manager's card lists the overdue tasks of every job they manage, in the board's order.
      Map<String, List<Waiting>> perManager = new LinkedHashMap<>();
      for (Waiting w : late) {
        Future<List<String>> hms = managers.get(w.application().jobId());
        if (hms.succeeded()) {
          hms.result().forEach(hm -> perManager.computeIfAbsent(hm, k -> new ArrayList<>()).add(w));
        }
      }
      List<Future<?>> sends = new ArrayList<>();
      perManager.forEach((hm, theirs) -> sends.add(once.sendToUser("tasks-escalate:" + hm + ":" + week, hm,
          () -> Reply.card(card.escalation(theirs, ESCALATE_AFTER, now, LANG)))));
      return Future.join(sends);
    });
  }

  private static List<Waiting> overdue(List<Waiting> all, Duration after, Instant now) {
    return all.stream().filter(w -> w.waited(now).compareTo(after) > 0).toList();
  }

}

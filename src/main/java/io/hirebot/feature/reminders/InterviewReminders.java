package io.hirebot.feature.reminders;

import io.hirebot.bot.ClaimedMessages;
import io.hirebot.bot.Messenger;
import io.hirebot.bot.Reply;
import io.hirebot.cards.Cards;
import io.hirebot.i18n.Language;
import io.hirebot.config.BotConfig;
import io.hirebot.hire.Application;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.Interview;
import io.hirebot.i18n.Messages;
import io.hirebot.i18n.Names;
import io.hirebot.schedule.DeferredRoutine;
import io.hirebot.schedule.QuietWindow;
import io.hirebot.store.ReminderLedger;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Interview reminders (issue 6): each interviewer gets a private message {@code lead} before an interview;
 * after it, an interviewer whose feedback is missing is nudged at most once a day, and once the feedback is
 * {@code escalateAfter} late the job's hiring managers are told, once a day; those two never at night
 * ({@link QuietWindow#nights}). Every message is claimed in the
 * database first, so restarts and replicas send each one once.
 */
final class InterviewReminders extends DeferredRoutine {
  static final Duration PERIOD = Duration.ofMinutes(1);
  /** Feedback older than this is no longer chased. */
  static final Duration NUDGE_HORIZON = Duration.ofDays(14);
  // Cards carry both languages and each client shows its own; Chinese, a Feishu tenant's default, is the fallback
  // (and the language of names picked from Hire's records, such as the interviewers of an escalation).
  private static final Language LANG = Language.ZH;

  private final HireDirectory hire;
  private final ClaimedMessages once;
  private final ReminderCard card;
  private final BotConfig.Reminders settings;
  private final ZoneId zone;

  InterviewReminders(HireDirectory hire, Messenger messenger, ReminderLedger ledger, Cards cards,
      Messages messages, BotConfig.Reminders settings, ZoneId zone, Clock clock) {
    super("interview-reminders", PERIOD);
    this.hire = hire;
    this.once = new ClaimedMessages(ledger::claim, messenger);
    this.card = new ReminderCard(cards, messages, zone, clock);
    this.settings = settings;
    this.zone = zone;
  }

  @Override
  public Future<Void> run(Instant now) {
    // Hour-aligned bounds (covering the minute's window) keep one cache key for an hour of runs.
    Instant hour = now.truncatedTo(ChronoUnit.HOURS);
    return hire.interviews(hour.minus(NUDGE_HORIZON), hour.plus(settings.lead()).plus(PERIOD).plus(Duration.ofHours(1)))
        .compose(interviews -> {
          List<Future<?>> sends = new ArrayList<>();
          for (Interview i : interviews) {
            if (i.begin() != null && i.begin().isAfter(now) && !i.begin().isAfter(now.plus(settings.lead()))) {
              sends.add(remind(i));
            } else if (i.lacksFeedback(now) && !QuietWindow.nights(zone).contains(now)) {
              // Missing feedback can wait for the morning; an interview about to start cannot.
              sends.add(nudge(i, now));
            }
          }
          return Future.join(sends).<Void>mapEmpty();
        });
  }

  /** When the next reminder goes out: {@code lead} before the next interview of the coming week. */
  @Override
  public Future<java.util.Optional<Instant>> nextDue(Instant now) {
    return hire.interviews(now, now.plus(Duration.ofDays(7)).plus(settings.lead())).map(interviews -> interviews.stream()
        .filter(i -> i.begin() != null).map(i -> i.begin().minus(settings.lead())).filter(now::isBefore)
        .min(Instant::compareTo));
  }

  private Future<?> remind(Interview i) {
    return each(i, f -> true, (interviewer, ctx) -> send("remind:" + i.id() + ":" + interviewer, interviewer,
        card(ReminderCard.Kind.SOON, ctx, ctx.candidate(), ctx.job, i.begin())));
  }

  private Future<?> nudge(Interview i, Instant now) {
    String day = LocalDate.ofInstant(now, zone).toString();
    Future<?> nudges = each(i, f -> !f.submitted(), (interviewer, ctx) -> send(
        "nudge:" + i.id() + ":" + interviewer + ":" + day, interviewer,
        card(ReminderCard.Kind.FEEDBACK, ctx, ctx.candidate(), ctx.job, i.begin())));
    boolean late = i.end() != null && i.end().plus(settings.escalateAfter()).isBefore(now);
    return !late ? nudges : nudges.compose(v -> escalate(i, day));
  }

  private Future<?> escalate(Interview i, String day) {
    return context(i).compose(ctx -> hire.jobTeam(ctx.jobId).compose(team -> {
      // Each name cut as every card cuts one (Names): a text's value is capped at 1,000 characters, and a first
      // interviewer named at 2,000 left no room for the others.
      String missing = String.join(", ", i.feedback().stream().filter(f -> !f.submitted())
          .map(f -> Names.of(f.interviewer().name(LANG.feishuLocale()))).toList());
      List<Future<?>> sends = new ArrayList<>();
      for (String hm : team.hiringManagerIds()) {
        sends.add(send("escalate:" + i.id() + ":" + hm + ":" + day, hm, card(ReminderCard.Kind.ESCALATE, ctx,
            missing, ctx.candidate(), ctx.job, i.begin())));
      }
      return Future.join(sends);
    }));
  }

  /**
   * What a reminder names: the candidate (cut as a card names them) and the job; the talent is whom its button opens,
   * searched by the whole {@code name}.
   */
  private record Context(String name, String job, String jobId, String talentId) {
    String candidate() {
      return Names.of(name);
    }
  }

  private Future<Context> context(Interview i) {
    return hire.application(i.applicationId()).compose((Application a) -> hire.jobs().map(jobs -> new Context(
        a.talentName(), jobs.stream().filter(j -> j.id().equals(a.jobId())).findFirst().map(j -> Names.of(j.title())).orElse(""),
        a.jobId(), a.talentId())));
  }

  private Reply card(ReminderCard.Kind kind, Context ctx, Object... args) {
    return Reply.card(card.render(kind, LANG, ctx.talentId, ctx.name, args));
  }

  private interface PerInterviewer {
    Future<?> send(String interviewerOpenId, Context context);
  }

  private Future<?> each(Interview i, java.util.function.Predicate<Interview.Feedback> who, PerInterviewer action) {
    List<Interview.Feedback> targets = i.feedback().stream().filter(who).toList();
    if (targets.isEmpty()) {
      return Future.succeededFuture();
    }
    return context(i).compose(ctx -> Future.join(targets.stream()
        .map(f -> action.send(f.interviewer().id(), ctx)).toList()));
  }

  private Future<?> send(String key, String openId, Reply reminder) {
    return once.sendToUser(key, openId, () -> reminder);
  }
}

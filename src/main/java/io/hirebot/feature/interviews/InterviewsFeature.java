package io.hirebot.feature.interviews;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.Toast;
import io.hirebot.bot.CommandContext;
import io.hirebot.bot.CommandHandler;
import io.hirebot.bot.Feature;
import io.hirebot.bot.FeatureRegistry;
import io.hirebot.bot.Reply;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.cards.Cards;
import io.hirebot.cards.Pager;
import io.hirebot.command.Command.ListInterviews;
import io.hirebot.i18n.Language;
import io.hirebot.command.Period;
import io.hirebot.hire.Application;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.HireMeter;
import io.hirebot.hire.Interview;
import io.hirebot.hire.StageNames;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "interviews [today|tomorrow|this week] [mine]" and its pager: the schedule in the chat's zone, with
 * candidate, job, interviewers, and past interviews that still lack feedback flagged. One interviews call
 * per period, then one (cached) application read per interview shown.
 */
public final class InterviewsFeature implements Feature, CommandHandler<ListInterviews> {
  static final String PAGE = "interviews.page";
  /**
   * The views of days to come (the default "next 7 days", tomorrow, next week): their header counts the feedback
   * still owed for the interviews of the {@link #OWED_WINDOW} before them, which they do not show, since none of
   * their own can owe any yet. The other views count their own interviews.
   */
  static final Set<Period> AHEAD = EnumSet.of(Period.UPCOMING, Period.TOMORROW, Period.NEXT_WEEK);
  static final java.time.Period OWED_WINDOW = java.time.Period.ofDays(7);

  private final HireMeter meter;
  private final InterviewsCard card;
  private final Messages messages;
  private final Clock clock;

  public InterviewsFeature(HireMeter meter, Cards cards, Messages messages, Clock clock) {
    this.meter = meter;
    this.card = new InterviewsCard(cards, messages, clock);
    this.messages = messages;
    this.clock = clock;
  }

  @Override
  public void register(FeatureRegistry registry) {
    registry.command(ListInterviews.class, this).action(PAGE, this::page);
  }

  @Override
  public Future<Reply> handle(ListInterviews command, CommandContext context) {
    String me = context.message().sender() == null ? "" : context.message().sender().openId();
    Language lang = context.language();
    return meter.run("interviews", hire -> render(hire, command.period(), command.mine() ? me : null, 0, lang,
            context.zone()))
        .map(shown -> Reply.card(shown.card(), view(shown.card().objectNode(), command.period(), command.mine(), 0,
            lang)));
  }

  /** Next / previous page; "mine" means whoever clicked. */
  Future<ActionResult> page(CardAction action, Language lang) {
    Period period;
    try {
      period = Period.valueOf(action.value().path("period").asText(Period.UPCOMING.name()));
    } catch (IllegalArgumentException e) {
      return Future.succeededFuture(ActionResult.of(Toast.error(messages, "toast.expired")));
    }
    int page = Math.max(0, action.value().path("page").asInt(0));
    String me = action.value().path("mine").asBoolean(false) && action.operator() != null
        ? action.operator().openId() : null;
    boolean mine = action.value().path("mine").asBoolean(false);
    return meter.run(PAGE, hire -> render(hire, period, me, page, lang, action.zone()))
        .map(shown -> new ActionResult(Toast.page(messages, page, shown.page()),
            shown.card(), view(shown.card().objectNode(), period, mine, shown.page(), lang)));
  }

  /** The value that shows this schedule at {@code page}: its pager's, and what living cards re-render. */
  static ObjectNode view(ObjectNode blank, Period period, boolean mine, int page, Language lang) {
    return blank.put("action", PAGE).put("period", period.name()).put("mine", mine).put("page", page)
        .put("lang", lang.feishuLocale());
  }

  /**
   * @param interviewer the open_id whose interviews to keep, or null for everyone's
   * @param zone the chat's: where its days begin, and the times the card shows
   */
  private Future<Pager.Page> render(HireDirectory hire, Period period, String interviewer, int page, Language lang,
      ZoneId zone) {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    Instant from = period.start(today).atStartOfDay(zone).toInstant();
    Instant to = period.endExclusive(today).atStartOfDay(zone).toInstant();
    // A schedule of the days ahead holds no interview that owes feedback: what is owed is in the days before it.
    Future<List<Interview>> before = AHEAD.contains(period)
        ? hire.interviews(today.minus(OWED_WINDOW).atStartOfDay(zone).toInstant(), from)
        : Future.succeededFuture(null);
    return Future.all(hire.interviews(from, to), before).compose(read -> {
      List<Interview> all = mine(read.resultAt(0), interviewer)
          .sorted(Comparator.comparing(Interview::begin, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
      InterviewsCard.Owed owed = owed(all, read.resultAt(1), interviewer);
      int p = Pager.clamp(page, Pager.pages(all.size(), Pager.PAGE_SIZE));
      List<Interview> shown = all.subList(Math.min(all.size(), p * Pager.PAGE_SIZE),
          Math.min(all.size(), (p + 1) * Pager.PAGE_SIZE));
      Map<String, Future<Application>> apps = new LinkedHashMap<>();
      shown.forEach(i -> apps.computeIfAbsent(i.applicationId(), hire::application));
      var jobs = hire.jobs();
      var processes = hire.processes();
      return Future.all(Future.all(List.copyOf(apps.values())), jobs, processes).map(done -> {
        Map<String, Application> byId = new LinkedHashMap<>();
        apps.forEach((id, f) -> byId.put(id, f.result()));
        StageNames stages = new StageNames(jobs.result(), processes.result());
        return new Pager.Page(card.render(new InterviewsCard.Page(period, interviewer != null, all, shown, p, byId,
            jobs.result(), stages, owed, zone), lang), p);
      });
    });
  }

  /**
   * The interviews held that still lack feedback: of {@code shown}, and of {@code earlier} (the days before a schedule
   * of days to come; null for any other view).
   */
  private InterviewsCard.Owed owed(List<Interview> shown, List<Interview> earlier, String interviewer) {
    Instant now = clock.instant();
    long missing = shown.stream().filter(i -> i.lacksFeedback(now)).count()
        + (earlier == null ? 0 : mine(earlier, interviewer).filter(i -> i.lacksFeedback(now)).count());
    return new InterviewsCard.Owed(missing, earlier != null, OWED_WINDOW.getDays());
  }

  private static java.util.stream.Stream<Interview> mine(List<Interview> interviews, String interviewer) {
    return interviews.stream().filter(i -> interviewer == null || i.hasInterviewer(interviewer));
  }
}

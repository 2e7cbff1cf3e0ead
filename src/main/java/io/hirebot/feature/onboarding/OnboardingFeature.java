package io.hirebot.feature.onboarding;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.Toast;
import io.hirebot.bot.CommandContext;
import io.hirebot.bot.Feature;
import io.hirebot.bot.FeatureRegistry;
import io.hirebot.bot.Reply;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.cards.Cards;
import io.hirebot.command.Command.ListOnboarding;
import io.hirebot.command.Period;
import io.hirebot.hire.Application;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.HireMeter;
import io.hirebot.hire.Job;
import io.hirebot.hire.JobProcess;
import io.hirebot.hire.PipelineReader;
import io.hirebot.hire.Stage;
import io.hirebot.hire.StageType;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "onboarding [this week|next week]" / "入职 [本周|下周]" (issue 16): who starts then, per open job, with start dates.
 * Hire has no "offers by date" read, so the bot takes each open job's active applications in its offer and
 * pending-onboarding stages (the per-stage id lists every pipeline card uses, cached), reads them (get_detail,
 * which carries the offer's status and onboard_date, basic_info.onboard_status and the employee record's onboard_time:
 * no call per offer) and keeps those whose accepted offer starts in the week or who joined in it ({@link Start}).
 * Whether and when someone joined is what Hire's onboarding fields say; the onboarded stage's update time only bounds
 * which of its hires are read (see {@link #ids}).
 */
public final class OnboardingFeature implements Feature {
  /** The card's view: re-renders the list for its period (living cards, and a click on it). */
  public static final String SHOW = "onboarding.show";
  static final Set<StageType> STAGES = Set.of(StageType.OFFER, StageType.PENDING_ONBOARDING);
  /** get_detail is 10/s and a command answers within 4 s: at most this many candidates are read per list. */
  static final int MAX_READ = 30;

  private final HireMeter meter;
  private final OnboardingCard card;
  private final Clock clock;
  private final Messages messages;

  public OnboardingFeature(HireMeter meter, Cards cards, Messages messages, Clock clock) {
    this.meter = meter;
    this.messages = messages;
    this.card = new OnboardingCard(cards, messages);
    this.clock = clock;
  }

  @Override
  public void register(FeatureRegistry registry) {
    registry.command(ListOnboarding.class, this::handle).action(SHOW, this::show);
  }

  private Future<Reply> handle(ListOnboarding command, CommandContext context) {
    return meter.run("onboarding", hire -> render(hire, command.period(), context.language(), context.zone())
        .map(Reply.class::cast));
  }

  /** The list again for the period in the value (a view re-rendered, or a click on one). */
  private Future<ActionResult> show(CardAction action, Language lang) {
    Period period = "NEXT_WEEK".equals(action.value().path("period").asText()) ? Period.NEXT_WEEK : Period.THIS_WEEK;
    return meter.run(SHOW, hire -> render(hire, period, lang, action.zone())).map(c -> new ActionResult(
        Toast.info(messages, "onboarding.refreshed"), c.card(), c.view()));
  }

  /** @param zone the chat's: where its weeks and days begin */
  private Future<Reply.Card> render(HireDirectory hire, Period period, Language lang, ZoneId zone) {
    if (period != Period.NEXT_WEEK) {
      period = Period.THIS_WEEK;
    }
    Period week = period;
    ZonedDateTime now = clock.instant().atZone(zone);
    LocalDate today = now.toLocalDate();
    LocalDate from = week.start(today);
    LocalDate to = week.endExclusive(today);
    PipelineReader reader = new PipelineReader(hire, clock);
    return Future.all(hire.jobs(), hire.processes()).compose(loaded -> {
      List<Job> open = hire.jobs().result().stream().filter(Job::open).toList();
      Map<String, JobProcess> processes = hire.processes().result().stream()
          .collect(Collectors.toMap(JobProcess::id, p -> p, (a, b) -> a));
      Instant since = from.atStartOfDay(zone).toInstant();
      List<Future<List<String>>> lists = new ArrayList<>();
      for (Job job : open) {
        JobProcess process = processes.get(job.processId());
        if (process != null) {
          process.stages().forEach(s -> lists.add(ids(hire, job, s, since)));
        }
      }
      return Future.all(lists).compose(done -> {
        List<String> ids = lists.stream().flatMap(f -> f.result().stream()).toList();
        List<String> read = ids.subList(0, Math.min(ids.size(), MAX_READ));
        return reader.details(read).map(apps -> {
          List<Start> starts = new ArrayList<>();
          for (Application a : apps) {
            Job job = open.stream().filter(j -> j.id().equals(a.jobId())).findFirst().orElseThrow();
            Start.of(job, a, from, to, zone).ifPresent(starts::add);
          }
          ObjectNode c = card.render(week, from, to, now, starts, read.size(), ids.size(), lang);
          return new Reply.Card(c, view(c, week, lang));
        });
      });
    });
  }

  /**
   * The ids to read in {@code stage}: all of an offer or pending-onboarding stage; of the onboarded stage, which holds
   * every hire ever made, only those updated since the period began. That is a bound on the reads, not a verdict:
   * recording a join (transfer_onboard) updates the application, so whoever joined in the period is among them, but so
   * is a hire of long ago recorded late or touched since; {@link Start} decides by the employee record's onboard_time.
   * None of any other stage. Each list is one call, cached; the onboarded stage's two.
   */
  private static Future<List<String>> ids(HireDirectory hire, Job job, Stage stage, Instant since) {
    if (STAGES.contains(stage.type())) {
      return hire.activeApplicationIds(job.id(), stage.id());
    }
    if (!stage.hired()) {
      return Future.succeededFuture(List.of());
    }
    Future<List<String>> hires = hire.activeApplicationIds(job.id(), stage.id());
    Future<List<String>> recent = hire.activeApplicationIdsUpdatedSince(job.id(), since);
    return Future.all(hires, recent).map(done -> {
      Set<String> touched = Set.copyOf(recent.result());
      return hires.result().stream().filter(touched::contains).toList();
    });
  }

  static ObjectNode view(ObjectNode card, Period period, Language lang) {
    return card.objectNode().put("action", SHOW).put("period", period.name()).put("lang", lang.feishuLocale());
  }
}

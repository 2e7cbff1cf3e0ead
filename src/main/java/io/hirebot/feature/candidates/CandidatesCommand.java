package io.hirebot.feature.candidates;

import io.hirebot.bot.CommandContext;
import io.hirebot.bot.CommandHandler;
import io.hirebot.bot.Reply;
import io.hirebot.cards.JobChoiceCard;
import io.hirebot.command.Command.CountCandidates;
import io.hirebot.command.Command.ShowCandidates;
import io.hirebot.command.Period;
import io.hirebot.i18n.HireTexts;
import io.hirebot.i18n.Language;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.HireMeter;
import io.hirebot.hire.Job;
import io.hirebot.hire.JobMatcher;
import io.hirebot.hire.JobProcess;
import io.hirebot.hire.PipelineFilter;
import io.hirebot.hire.PipelinePage;
import io.hirebot.hire.PipelineReader;
import io.hirebot.hire.Stage;
import io.hirebot.hire.StageEntries;
import io.hirebot.hire.StageMatcher;
import io.hirebot.i18n.Messages;
import io.hirebot.i18n.Names;
import io.hirebot.i18n.StageWords;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** "show candidates for job X [in stage S] [applied last week]": resolves job and stage, answers with page one. */
final class CandidatesCommand implements CommandHandler<ShowCandidates> {
  private static final JobMatcher JOBS = new JobMatcher();

  private final HireMeter meter;
  private final StageMatcher stageMatcher;
  private final CandidatesCard card;
  private final Audiences audiences;
  private final StageEntries entries;
  private final JobChoiceCard choices;
  private final Messages messages;
  private final Clock clock;

  CandidatesCommand(HireMeter meter, StageMatcher stageMatcher, CandidatesCard card, Audiences audiences,
      StageEntries entries,
      JobChoiceCard choices, Messages messages, Clock clock) {
    this.meter = meter;
    this.stageMatcher = stageMatcher;
    this.card = card;
    this.audiences = audiences;
    this.entries = entries;
    this.choices = choices;
    this.messages = messages;
    this.clock = clock;
  }

  @Override
  public Future<Reply> handle(ShowCandidates command, CommandContext context) {
    return answer(command, false, context);
  }

  /** "how many candidates for X": the same list, its count said first, as a direct answer. */
  public Future<Reply> count(CountCandidates command, CommandContext context) {
    return answer(command.list(), true, context);
  }

  private Future<Reply> answer(ShowCandidates command, boolean count, CommandContext context) {
    Language lang = context.language();
    return meter.run("candidates", hire -> {
      new PipelineReader(hire).prefetch();
      return JOBS.lookUp(hire, command.jobQuery()).compose(match -> choices.resolve(match, command.jobQuery(),
          CandidatesFeature.SHOW, lang, job -> show(hire, job, command, count, context), Reply::card));
    });
  }

  private Future<Reply> show(HireDirectory hire, Job job, ShowCandidates command, boolean count,
      CommandContext context) {
    Language lang = context.language();
    Future<Audience> audience = audiences.of(job.id(), context);
    PipelineFilter dates = applied(command.appliedSince(), context.zone());
    return hire.processes().compose(processes -> {
      JobProcess process = processes.stream().filter(p -> p.id().equals(job.processId())).findFirst().orElse(null);
      CandidatesQuery query = query(job, process, command.stageQuery(), dates, lang);
      return new PipelineReader(hire, clock).read(job, query.filter(), command.page(), CandidatesFeature.PAGE_SIZE)
          .compose(entries::of).compose(page -> audience.map(offers -> {
            CandidatesQuery shown = count ? query.withNotice(countAnswer(page, job, command, lang)) : query;
            if (command.page() > page.page()) {
              // "page 5" of a list of 3 pages: its last page, saying so (a click past the end toasts it).
              shown = shown.withNotice(messages.get(lang, "candidates.lastPage", page.pages()));
            }
            return Reply.card(card.render(page, shown, lang, null, offers), card.view(query, page.page(), lang));
          }));
    });
  }

  private String countAnswer(PipelinePage page, Job job, ShowCandidates command, Language lang) {
    String filtered = command.stageQuery().isEmpty() ? "" : messages.get(lang, "candidates.count.stage",
        command.stageQuery());
    return messages.get(lang, "candidates.count", page.inProcess(), Names.of(job.title()), filtered,
        HireTexts.hiredSuffix(messages, lang, page.hired()));
  }

  /**
   * The dates of {@code period} in the chat's zone, as a filter of every stage: from its first day's midnight, and to
   * the midnight after its last day when that day is over ("last week" is Monday to Sunday; "this week" runs to now).
   */
  private PipelineFilter applied(Period period, ZoneId zone) {
    if (period == null) {
      return PipelineFilter.NONE;
    }
    LocalDate today = LocalDate.now(clock.withZone(zone));
    Instant before = period.endIfOver(today).map(day -> day.atStartOfDay(zone).toInstant()).orElse(null);
    return new PipelineFilter(Set.of(), period.start(today).atStartOfDay(zone).toInstant(), before);
  }

  /** The filter for the stage as typed; a stage the job lacks widens to every stage, with a notice saying so. */
  private CandidatesQuery query(Job job, JobProcess process, String stageQuery, PipelineFilter dates, Language lang) {
    if (stageQuery.isEmpty() || process == null) {
      return new CandidatesQuery(job.id(), dates, "");
    }
    List<Stage> stages = stageMatcher.match(stageQuery, process);
    if (stages.isEmpty()) {
      String known = messages.list(lang, process.stages().stream().map(s -> StageWords.name(messages, lang, s)).toList());
      return new CandidatesQuery(job.id(), dates, messages.get(lang, "candidates.stage.unknown", stageQuery, known));
    }
    Set<String> ids = stages.stream().map(Stage::id).collect(Collectors.toSet());
    return new CandidatesQuery(job.id(), new PipelineFilter(ids, dates.appliedSince(), dates.appliedBefore()), "",
        stageQuery);
  }
}

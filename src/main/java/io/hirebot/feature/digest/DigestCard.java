package io.hirebot.feature.digest;

import io.hirebot.cards.SharedActions;
import java.util.function.Function;
import io.hirebot.i18n.HireTexts;
import io.hirebot.hire.Offer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.Markdown;
import io.hirebot.cards.WaitingOnTeam;
import io.hirebot.hire.TaskBoard.Waiting;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.hirebot.bot.JobQueries;
import io.hirebot.bot.Reply;
import io.hirebot.cards.Cards;
import io.hirebot.i18n.DateTexts;
import io.hirebot.i18n.Language;
import io.hirebot.hire.Application;
import io.hirebot.hire.Interview;
import io.hirebot.hire.PipelinePage;
import io.hirebot.hire.StageType;
import io.hirebot.i18n.Messages;
import io.hirebot.i18n.Names;
import io.hirebot.i18n.StageWords;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Predicate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The digest of a period for a chat: per job, the new applications, the stage movements, the candidates at
 * the offer stage and those stuck in a stage; a quiet period is one line of text, not a hollow card.
 */
final class DigestCard {
  /** A candidate this long in one stage is "stuck". */
  public static final Duration STUCK_AFTER = Duration.ofDays(14);
  /** Names listed per line; the rest are counted. */
  static final int MAX_NAMES = 5;
  /**
   * Jobs shown with their details (4 elements each); the rest are named on one line, so a chat following
   * many jobs still gets a card within Feishu's 200 elements and 30 KB.
   */
  static final int MAX_JOBS = 30;
  /**
   * Person rows of "waiting on the team" in the whole card (5 elements each): with {@link #MAX_JOBS} jobs at 4
   * elements that keeps a digest under 170 of Feishu's 200; further people are counted in their job's line.
   */
  static final int MAX_WAITING_PEOPLE = 8;

  private final Cards cards;
  private final Messages messages;
  private final WaitingOnTeam words;

  DigestCard(Cards cards, Messages messages) {
    this.cards = cards;
    this.messages = messages;
    this.words = new WaitingOnTeam(messages);
  }

  /** The period a digest covers, and the zone its times are shown in. */
  public record Period(Instant since, Instant until, ZoneId zone) {
    /** The digest's moment, which its dates are written as of (a date in another year says its year). */
    ZonedDateTime now() {
      return until.atZone(zone);
    }
  }

  /**
   * What of a period's start a digest shows: the start as written, and which applications are new and which moved
   * in the period. Two periods of one end with equal facts render alike (chats scheduled at different moments
   * still share one rendering).
   */
  record PeriodFacts(String since, Set<String> added, Set<String> moved) {}

  PeriodFacts facts(List<PipelinePage> pipelines, Period period, Language lang) {
    Predicate<Application> isNew = isNew(period);
    Predicate<Application> moved = moved(period);
    List<Application> apps = pipelines.stream().flatMap(p -> p.applications().stream()).toList();
    return new PeriodFacts(format(period.since(), period, lang),
        apps.stream().filter(isNew).map(Application::id).collect(Collectors.toSet()),
        apps.stream().filter(moved).map(Application::id).collect(Collectors.toSet()));
  }

  /** The digest with every part shown, offers by their stage. */
  public Reply render(List<PipelinePage> pipelines, List<Interview> today, Period period, Language lang) {
    return render(pipelines, today, "", null, List.of(), period, lang);
  }

  /**
   * @param today the interviews of the digest's day, of every job (each job shows its own)
   * @param interviewsHiddenBy the scope whose lack kept interviews out, or "" when they are shown
   * @param offers the current offer of applications at the offer stage (absent: none yet); null when they could
   *     not be read, and the stage is shown instead
   * @param waiting the team's overdue Hire tasks (evaluations, tests to mark, feedback), of every job; each job
   *     shows its own, by person
   */
  public Reply render(List<PipelinePage> pipelines, List<Interview> today, String interviewsHiddenBy,
      Map<String, Offer> offers, List<Waiting> waiting, Period period, Language lang) {
    String hidden = hidden(interviewsHiddenBy, lang);
    Predicate<Application> isNew = isNew(period);
    Predicate<Application> moved = moved(period);
    boolean quiet = pipelines.stream().flatMap(p -> p.applications().stream()).noneMatch(isNew.or(moved))
        && pipelines.stream().allMatch(p -> interviewsOf(p, today).isEmpty());
    String since = format(period.since(), period, lang);
    if (quiet) {
      String jobs = pipelines.stream().map(p -> JobQueries.label(p.job()))
          .collect(Collectors.joining(messages.get(lang, "digest.separator")));
      // Overdue tasks do not make a period eventful, but a quiet line still says the team owes them.
      List<Waiting> owed = pipelines.stream().flatMap(p -> waitingOn(p, waiting).stream()).toList();
      Reply.Text line = Reply.text(messages, lang, "digest.quiet", jobs.isEmpty() ? "-" : jobs, since);
      if (!owed.isEmpty()) {
        line = line.plus(new Reply.Text(" ")).plus(Reply.text(messages, lang, "digest.quiet.waiting", owed.size(),
            words.counts(owed, lang)));
      }
      return interviewsHiddenBy.isEmpty() ? line : line.plus(new Reply.Text("\n", "\n")).plus(Reply.text(messages,
          lang, "hidden.scope", messages.get(lang, "hidden.interviews"), interviewsHiddenBy));
    }
    // What gives way when a busy digest would break Feishu's limits: first the team's person rows, then its waiting
    // lines (the footer then counts them; each person is nudged privately anyway), then the jobs shown in full, fewer
    // and fewer (the rest named on one line): long job titles and names broke 30 KB with 30 jobs in full, and a card
    // Feishu refuses is a digest the chat never gets. With no job in full the card is a few lines and always fits.
    for (int people : new int[] {MAX_WAITING_PEOPLE, 0}) {
      Optional<ObjectNode> card = cards.renderIfFits("digest", model(pipelines, today, offers, waiting, people,
          MAX_JOBS, hidden, since, period, lang));
      if (card.isPresent()) {
        return Reply.card(inBoth(card.get(), lang, l -> model(pipelines, today, offers, waiting, people, MAX_JOBS,
            hidden(interviewsHiddenBy, l), format(period.since(), period, l), period, l)));
      }
    }
    java.util.function.Function<Language, String> footer = l -> hidden(interviewsHiddenBy, l)
        + (waiting.isEmpty() ? "" : "\n" + messages.get(l, "digest.waiting.omitted", waiting.size()));
    java.util.function.IntFunction<Function<Language, ObjectNode>> inFull = jobs -> l -> model(pipelines, today, offers,
        List.of(), 0, jobs, footer.apply(l), format(period.since(), period, l), period, l);
    // With no job in full the card is a few lines: rendered (and checked) as it is, should even that not fit.
    Cards.Fitted fitted = cards.halving("digest", MAX_JOBS, jobs -> inFull.apply(jobs).apply(lang))
        .orElseGet(() -> new Cards.Fitted(0, cards.render("digest", inFull.apply(0).apply(lang))));
    return Reply.card(inBoth(fitted.card(), lang, inFull.apply(fitted.n())));
  }

  /**
   * A digest goes to a chat, a group's members reading it in their own client languages: {@code mine} (the writer's
   * rendering, known to fit) with the other language merged in where that still fits Feishu's limits.
   */
  private ObjectNode inBoth(ObjectNode mine, Language lang, java.util.function.Function<Language, ObjectNode> model) {
    return cards.bilingual(lang, l -> l == lang ? mine : cards.render("digest", model.apply(l)));
  }

  private String hidden(String interviewsHiddenBy, Language lang) {
    return interviewsHiddenBy.isEmpty() ? ""
        : "\n" + messages.get(lang, "hidden.scope", messages.get(lang, "hidden.interviews"), interviewsHiddenBy);
  }

  private ObjectNode model(List<PipelinePage> pipelines, List<Interview> today, Map<String, Offer> offers,
      List<Waiting> waiting, int peopleBudget, int jobsInFull, String hidden, String since, Period period,
      Language lang) {
    Predicate<Application> isNew = isNew(period);
    Predicate<Application> moved = moved(period);
    Predicate<Application> atOffer = DigestCard::atOffer;
    Predicate<Application> stuck = a -> a.stage().type() != StageType.ONBOARDED && a.stageEnteredAt() != null
        && a.stageEnteredAt().isBefore(period.until().minus(STUCK_AFTER));
    ObjectNode model = cards.model();
    model.put("title", messages.get(lang, "digest.title", format(period.until(), period, lang)));
    model.put("subtitle", messages.get(lang, "digest.subtitle", since));
    List<PipelinePage> shown = pipelines.subList(0, Math.min(jobsInFull, pipelines.size()));
    // "Stuck" is explained only on a card that lists someone as stuck.
    boolean anyStuck = shown.stream().flatMap(p -> p.applications().stream()).anyMatch(stuck);
    model.put("footer", (anyStuck ? messages.get(lang, "digest.footer", STUCK_AFTER.toDays(), period.zone().getId())
        : messages.get(lang, "digest.footer.times", period.zone().getId())) + hidden);
    ArrayNode jobs = model.putArray("jobs");
    if (pipelines.size() > shown.size()) {
      model.put("moreJobs", Markdown.message(messages, lang, "digest.moreJobs", pipelines.size() - shown.size(),
          pipelines.subList(shown.size(), pipelines.size()).stream().map(p -> JobQueries.label(p.job()))
              .collect(Collectors.joining(messages.get(lang, "digest.separator")))));
    }
    int peopleLeft = peopleBudget;
    int jobsLeft = shown.size();
    for (PipelinePage p : shown) {
      List<Application> apps = p.applications();
      StringBuilder text = new StringBuilder(Markdown.message(messages, lang, "digest.job.heading", JobQueries.label(p.job()),
          p.inProcess()));
      // As the other cards name it (JobProcess.named): a stage outside the process with no name is "Other stage".
      Function<Application, String> stage = a -> StageWords.name(messages, lang, p.process().named(a.stage()));
      line(text, lang, "digest.job.new", apps, isNew, stage);
      line(text, lang, "digest.job.moved", apps, moved, stage);
      line(text, lang, "digest.job.offer", apps, atOffer, offers == null ? stage : a -> offers.containsKey(a.id())
          ? messages.get(lang, HireTexts.offerStatusKey(offers.get(a.id()).status())) : messages.get(lang, "offers.none"));
      line(text, lang, "digest.job.stuck", apps, stuck, stage);
      interviewsLine(text, p, today, period, lang);
      ObjectNode item = jobs.addObject();
      // The person rows are shared: each job gets its share of those left (what it does not use goes to the next),
      // so the jobs further down still name who owes them something.
      int share = (peopleLeft + jobsLeft - 1) / jobsLeft--;
      peopleLeft -= waitingLines(text, item, waitingOn(p, waiting), share, period.until(), lang);
      item.put("text", text.toString());
      item.put("button", messages.get(lang, "notify.button.candidates"));
      ObjectNode value = item.putObject("value");
      value.put("action", SharedActions.CANDIDATES_SHOW);
      value.put("job_id", p.job().id());
      value.put("page", 0);
      value.put("lang", lang.feishuLocale());
    }
    return model;
  }

  private static Predicate<Application> isNew(Period period) {
    return a -> a.appliedAt() != null && a.appliedAt().isAfter(period.since());
  }

  private static Predicate<Application> moved(Period period) {
    return a -> !isNew(period).test(a) && a.stageEnteredAt() != null && a.stageEnteredAt().isAfter(period.since());
  }

  /** The team's overdue tasks on the job's applications. */
  private static List<Waiting> waitingOn(PipelinePage p, List<Waiting> waiting) {
    return waiting.stream().filter(w -> p.job().id().equals(w.application().jobId())).toList();
  }

  /**
   * "Waiting on the team (4): 2 to evaluate, 2 feedback" in the job's text, then a row per person (Feishu's person
   * component beside what they owe), at most {@code budget} rows; returns the rows added.
   */
  private int waitingLines(StringBuilder text, ObjectNode item, List<Waiting> mine, int budget, Instant now,
      Language lang) {
    if (mine.isEmpty()) {
      return 0;
    }
    text.append('\n').append(Markdown.message(messages, lang, "digest.job.waiting", mine.size(),
        words.counts(mine, lang)));
    ArrayNode people = item.putArray("people");
    // Inside the job's section a row need not name the job again.
    int left = words.people(people, mine, budget, false, now, lang);
    if (left > 0) {
      text.append(messages.get(lang, "digest.waiting.more", left));
    }
    return people.size();
  }

  /** The job's interviews of the day, with candidate and time, earliest first. */
  private List<Interview> interviewsOf(PipelinePage p, List<Interview> today) {
    Set<String> ids = p.applications().stream().map(Application::id).collect(Collectors.toSet());
    return today.stream().filter(i -> ids.contains(i.applicationId()) && i.begin() != null)
        .sorted(java.util.Comparator.comparing(Interview::begin)).toList();
  }

  private void interviewsLine(StringBuilder text, PipelinePage p, List<Interview> today, Period period,
      Language lang) {
    List<Interview> mine = interviewsOf(p, today);
    if (mine.isEmpty()) {
      return;
    }
    Map<String, String> names = p.applications().stream()
        .collect(Collectors.toMap(Application::id, a -> Names.of(a.talentName()), (a, b) -> a));
    String list = mine.stream().limit(MAX_NAMES)
        .map(i -> names.get(i.applicationId()) + " " + DateTexts.time(i.begin(), period.zone()))
        .collect(Collectors.joining(messages.get(lang, "digest.separator")));
    if (mine.size() > MAX_NAMES) {
      list = messages.get(lang, "digest.more", list, mine.size() - MAX_NAMES, mine.size());
    }
    text.append('\n').append(Markdown.message(messages, lang, "digest.job.interviews", mine.size(), list));
  }

  /** "New (3): Alice (Interview 1), Bob (Screening), … +1" — omitted when nobody matches. */
  /** Applications the digest lists under "offers pending": those at the offer stage (only the named ones are read). */
  static boolean atOffer(Application a) {
    return a.stage().type() == StageType.OFFER;
  }

  /** The applications whose offer status the digest shows: the named ones of each job's offer line. */
  static List<Application> namedAtOffer(List<Application> apps) {
    return apps.stream().filter(DigestCard::atOffer).limit(MAX_NAMES).toList();
  }

  private void line(StringBuilder text, Language lang, String key, List<Application> apps, Predicate<Application> which,
      Function<Application, String> detail) {
    List<Application> matching = apps.stream().filter(which).toList();
    if (matching.isEmpty()) {
      return;
    }
    String names = matching.stream().limit(MAX_NAMES)
        .map(a -> messages.get(lang, "digest.item", Names.of(a.talentName()), detail.apply(a)))
        .collect(Collectors.joining(messages.get(lang, "digest.separator")));
    if (matching.size() > MAX_NAMES) {
      names = messages.get(lang, "digest.more", names, matching.size() - MAX_NAMES, matching.size());
    }
    text.append('\n').append(Markdown.message(messages, lang, key, matching.size(), names));
  }

  private static String format(Instant t, Period period, Language lang) {
    return DateTexts.dateTime(t, period.now(), lang);
  }
}

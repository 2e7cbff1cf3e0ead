package io.hirebot.feature.digest;

import io.hirebot.cards.SharedActions;
import java.util.function.Function;
import io.hirebot.i18n.HireTexts;
import io.hirebot.hire.Offer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.Markdown;
import io.hirebot.bot.JobQueries;
import io.hirebot.bot.Reply;
import io.hirebot.cards.Cards;
import io.hirebot.i18n.Language;
import io.hirebot.hire.Application;
import io.hirebot.hire.Interview;
import io.hirebot.hire.PipelinePage;
import io.hirebot.hire.StageType;
import io.hirebot.i18n.Messages;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.Map;
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
  private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter ZH_TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm", Locale.CHINA);

  private final Cards cards;
  private final Messages messages;

  DigestCard(Cards cards, Messages messages) {
    this.cards = cards;
    this.messages = messages;
  }

  /** The period a digest covers, and the zone its times are shown in. */
  public record Period(Instant since, Instant until, ZoneId zone) {}

  /** The digest with every part shown, offers by their stage. */
  public Reply render(List<PipelinePage> pipelines, List<Interview> today, Period period, Language lang) {
    return render(pipelines, today, "", null, period, lang);
  }

  /**
   * @param today the interviews of the digest's day, of every job (each job shows its own)
   * @param interviewsHiddenBy the scope whose lack kept interviews out, or "" when they are shown
   * @param offers the current offer of applications at the offer stage (absent: none yet); null when they could
   *     not be read, and the stage is shown instead
   */
  public Reply render(List<PipelinePage> pipelines, List<Interview> today, String interviewsHiddenBy,
      Map<String, Offer> offers, Period period, Language lang) {
    String hidden = interviewsHiddenBy.isEmpty() ? ""
        : "\n" + messages.get(lang, "hidden.scope", messages.get(lang, "hidden.interviews"), interviewsHiddenBy);
    Predicate<Application> isNew = a -> a.appliedAt() != null && a.appliedAt().isAfter(period.since());
    Predicate<Application> moved = a -> !isNew.test(a) && a.stageEnteredAt() != null
        && a.stageEnteredAt().isAfter(period.since());
    Predicate<Application> atOffer = DigestCard::atOffer;
    Predicate<Application> stuck = a -> a.stage().type() != StageType.ONBOARDED && a.stageEnteredAt() != null
        && a.stageEnteredAt().isBefore(period.until().minus(STUCK_AFTER));
    boolean quiet = pipelines.stream().flatMap(p -> p.applications().stream()).noneMatch(isNew.or(moved))
        && pipelines.stream().allMatch(p -> interviewsOf(p, today).isEmpty());
    String since = format(period.since(), period.zone(), lang);
    if (quiet) {
      String jobs = pipelines.stream().map(p -> JobQueries.label(p.job())).collect(Collectors.joining(", "));
      return new Reply.Text(messages.get(lang, "digest.quiet", jobs.isEmpty() ? "-" : jobs, since) + hidden);
    }
    ObjectNode model = cards.model();
    model.put("title", messages.get(lang, "digest.title", format(period.until(), period.zone(), lang)));
    model.put("subtitle", messages.get(lang, "digest.subtitle", since));
    model.put("footer", messages.get(lang, "digest.footer", STUCK_AFTER.toDays(), period.zone().getId()) + hidden);
    ArrayNode jobs = model.putArray("jobs");
    if (pipelines.size() > MAX_JOBS) {
      model.put("moreJobs", Markdown.message(messages, lang, "digest.moreJobs", pipelines.size() - MAX_JOBS,
          pipelines.subList(MAX_JOBS, pipelines.size()).stream().map(p -> JobQueries.label(p.job()))
              .collect(Collectors.joining(", "))));
    }
    for (PipelinePage p : pipelines.subList(0, Math.min(MAX_JOBS, pipelines.size()))) {
      List<Application> apps = p.applications();
      StringBuilder text = new StringBuilder(Markdown.message(messages, lang, "digest.job.heading", JobQueries.label(p.job()),
          p.total()));
      Function<Application, String> stage = a -> a.stage().name(lang.feishuLocale());
      line(text, lang, "digest.job.new", apps, isNew, stage);
      line(text, lang, "digest.job.moved", apps, moved, stage);
      line(text, lang, "digest.job.offer", apps, atOffer, offers == null ? stage : a -> offers.containsKey(a.id())
          ? messages.get(lang, HireTexts.offerStatusKey(offers.get(a.id()).status())) : messages.get(lang, "offers.none"));
      line(text, lang, "digest.job.stuck", apps, stuck, stage);
      interviewsLine(text, p, today, period, lang);
      ObjectNode item = jobs.addObject();
      item.put("text", text.toString());
      item.put("button", messages.get(lang, "notify.button.candidates"));
      ObjectNode value = item.putObject("value");
      value.put("action", SharedActions.CANDIDATES_SHOW);
      value.put("job_id", p.job().id());
      value.put("page", 0);
      value.put("lang", lang.feishuLocale());
    }
    return Reply.card(cards.render("digest", model));
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
        .collect(Collectors.toMap(Application::id, a -> a.talentName().isBlank() ? a.talentId() : a.talentName(),
            (a, b) -> a));
    String list = mine.stream().limit(MAX_NAMES)
        .map(i -> names.get(i.applicationId()) + " " + HOUR.format(i.begin().atZone(period.zone())))
        .collect(Collectors.joining(", "));
    if (mine.size() > MAX_NAMES) {
      list += " " + messages.get(lang, "digest.more", mine.size() - MAX_NAMES);
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
        .map(a -> (a.talentName().isBlank() ? a.talentId() : a.talentName()) + " (" + detail.apply(a) + ")")
        .collect(Collectors.joining(", "));
    if (matching.size() > MAX_NAMES) {
      names += " " + messages.get(lang, "digest.more", matching.size() - MAX_NAMES);
    }
    text.append('\n').append(Markdown.message(messages, lang, key, matching.size(), names));
  }

  static String format(Instant t, ZoneId zone, Language lang) {
    return (lang == Language.ZH ? ZH_TIME : EN_TIME).format(t.atZone(zone));
  }
}

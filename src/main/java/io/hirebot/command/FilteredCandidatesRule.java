package io.hirebot.command;

import io.hirebot.i18n.Language;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grammar row for candidates with filters in plain words: "candidates for Backend applied last week
 * still in screening", "Backend 在初筛的候选人", "上周投递 后端 还在初筛的". It takes the applied-since and the
 * stage phrases out, then lets the plain candidates rows read what is left, and adds the filters to their verdict.
 * Without a filter phrase it declines, so unfiltered requests reach those rows unchanged.
 *
 * <p>A day or period trailing the job without "applied" ("候选人 后端 上周", "candidates backend next monday") is read
 * too, rather than taken as part of the job's name (which then matched no job, or was silently dropped): a day that
 * has begun is when they applied; a day to come cannot be, so the answer asks which was meant, the job's candidates
 * or the interviews of that day's week.
 */
final class FilteredCandidatesRule implements CommandRule {

  private static final Pattern APPLIED_EN = Pattern.compile(
      "(?:^| )(?:who |that )?(?:applied|applying|came in) (?:since |during |in |within )?(?:the )?(?<p>"
          + PeriodWords.ALTERNATION + ")(?= |$)", Grammar.FLAGS);
  // "who applied to Backend last week": the period trails the job.
  private static final Pattern APPLIED_EN_TRAILING = Pattern.compile(
      "^(?=.*\\bapplied\\b)(?:.+?)( (?:since |during |in |within )?(?:the )?(?<p>" + PeriodWords.ALTERNATION + "))$",
      Grammar.FLAGS);
  private static final Pattern APPLIED_ZH = Pattern.compile(
      "(?<p>" + PeriodWords.ALTERNATION + ") ?(?:新)?(?:投递|申请|应聘)了?的?", Grammar.FLAGS);
  private static final Pattern STAGE_EN = Pattern.compile(
      "^(?<rest>.+?) (?:(?:who are|that are|who is|still|currently|now|only) )*(?:in|at) (?<s>.+)$", Grammar.FLAGS);
  private static final Pattern STAGE_ZH_IN = Pattern.compile(
      "^(?<rest>.+?) ?(?:还|仍然|仍|目前|现在|正)?(?:在|处于) ?(?<s>[^ 的]+?) ?(?:阶段|环节)?的(?<after>.*)$", Grammar.FLAGS);
  private static final Pattern STAGE_ZH_PHASE = Pattern.compile(
      "^(?<rest>.+) (?<s>[^ 的]+?)(?:阶段|环节)的?(?<after>.*)$", Grammar.FLAGS);
  private static final String ZH_NOUN_SUFFIX = " 的候选人";
  private static final String EN_NOUN_PREFIX = "candidates for ";

  private static final String WEEKDAY_ZH = "(?:周|星期|礼拜)[一二三四五六日天]";
  private static final String WEEKDAY_EN = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
  private static final Pattern WHEN_TAIL = Pattern.compile("^(?<rest>.+?) ?(?<w>(?<next>下个?" + WEEKDAY_ZH + "|next "
      + WEEKDAY_EN + ")|(?<last>上个?" + WEEKDAY_ZH + "|last " + WEEKDAY_EN + ")|(?<day>(?:这个?|本)?" + WEEKDAY_ZH
      + "|(?:this )?" + WEEKDAY_EN + ")|(?<soon>后天|day after tomorrow)|(?<p>" + PeriodWords.ALTERNATION + "))$",
      Grammar.FLAGS);

  /** What is left of a message once its filter phrases are out. */
  private record Filters(String rest, String stage, Period since) {}

  @Override
  public Optional<ParseResult> match(Utterance utterance) {
    Filters filters = stage(since(utterance.text()));
    if (filters.stage().isEmpty() && filters.since() == null) {
      return trailingWhen(utterance);
    }
    boolean english = utterance.language() == Language.EN;
    String rest = filters.rest();
    Optional<ParseResult> plain = plainCandidates(utterance, rest);
    if (plain.isEmpty() && filters.since() != null) {
      // "上周投递 后端 还在初筛的", "Backend applied last week": applying says it is about candidates.
      plain = plainCandidates(utterance, english ? EN_NOUN_PREFIX + rest : rest + ZH_NOUN_SUFFIX);
    }
    return plain.map(result -> withFilters(result, filters));
  }

  /**
   * "候选人 后端 下周一": the job's candidates, with the trailing day read as when they applied when that day has begun;
   * a day to come asks which was meant (the candidates, or that week's interviews). Empty when no day trails a
   * candidates request.
   */
  private static Optional<ParseResult> trailingWhen(Utterance utterance) {
    Matcher m = WHEN_TAIL.matcher(utterance.text());
    if (!m.matches()) {
      return Optional.empty();
    }
    Period when = m.group("next") != null ? Period.NEXT_WEEK : m.group("last") != null ? Period.LAST_WEEK
        : m.group("day") != null ? Period.THIS_WEEK : m.group("soon") != null ? Period.UPCOMING
        : PeriodWords.of(m.group("p")).orElse(null);
    boolean begun = when == Period.TODAY || when == Period.YESTERDAY || when == Period.LAST_WEEK
        || when == Period.LAST_MONTH || when == Period.THIS_MONTH || when == Period.PAST_WEEK || when == Period.PAST_MONTH
        || (when == Period.THIS_WEEK && m.group("day") == null);
    Optional<ParseResult> plain = plainCandidates(utterance, TextNormalizer.trimPunctuation(m.group("rest")));
    if (plain.isEmpty() || !(plain.get() instanceof ParseResult.Parsed parsed)
        || !(parsed.command() instanceof Command.ShowCandidates show) || show.jobQuery().isBlank() || when == null) {
      return Optional.empty();
    }
    if (begun) {
      return Optional.of(withFilters(parsed, new Filters("", "", when)));
    }
    return Optional.of(new ParseResult.Parsed(new Command.Clarify(List.of(new Command.ShowCandidates(show.jobQuery()),
        new Command.ListInterviews(when, false))), parsed.language()));
  }

  private static Filters since(String text) {
    for (Pattern p : List.of(APPLIED_EN, APPLIED_EN_TRAILING, APPLIED_ZH)) {
      Matcher m = p.matcher(text);
      if (m.find()) {
        int start = p == APPLIED_EN_TRAILING ? m.start(1) : m.start();
        String rest = TextNormalizer.trimPunctuation(text.substring(0, start) + " " + text.substring(m.end()));
        return new Filters(rest.replaceAll(" +", " "), "", PeriodWords.of(m.group("p")).orElse(null));
      }
    }
    return new Filters(text, "", null);
  }

  private static Filters stage(Filters f) {
    Matcher zh = STAGE_ZH_IN.matcher(f.rest());
    if (!zh.matches()) {
      zh = STAGE_ZH_PHASE.matcher(f.rest());
    }
    if (zh.matches()) {
      String after = zh.group("after").strip();
      String rest = zh.group("rest").strip() + (after.isEmpty() ? ZH_NOUN_SUFFIX : " 的" + after);
      return withStage(f, rest, zh.group("s"));
    }
    Matcher en = STAGE_EN.matcher(f.rest());
    return en.matches() ? withStage(f, en.group("rest"), en.group("s")) : f;
  }

  private static Filters withStage(Filters f, String rest, String rawStage) {
    return Slots.stageQuery(rawStage).map(s -> new Filters(rest.strip(), s, f.since())).orElse(f);
  }

  private static Optional<ParseResult> plainCandidates(Utterance utterance, String text) {
    Utterance rest = new Utterance(utterance.original(), text, utterance.language());
    for (CommandRule rule : CandidatesRules.RULES) {
      Optional<ParseResult> result = rule.match(rest);
      if (result.isPresent()) {
        return result;
      }
    }
    return Optional.empty();
  }

  private static ParseResult withFilters(ParseResult result, Filters filters) {
    if (result instanceof ParseResult.Parsed parsed && parsed.command() instanceof Command.ShowCandidates show) {
      return new ParseResult.Parsed(
          new Command.ShowCandidates(show.jobQuery(), filters.stage(), filters.since()), parsed.language());
    }
    return result;
  }
}

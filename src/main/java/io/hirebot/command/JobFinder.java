package io.hirebot.command;

import io.hirebot.hire.Job;
import io.hirebot.util.EditDistance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the job a message names anywhere in it, against the tenant's open jobs: its code, its whole title,
 * words of the title (a slip of one letter forgiven in longer words), shared Chinese characters, or the same
 * concept in the other language ("后端" for "Backend Engineer"). Literal words beat translated ones.
 */
final class JobFinder {

  /** Below this a "match" is only generic words ("engineer") and names no job. */
  static final double MIN_SCORE = 0.75;
  private static final double CODE = 10;
  private static final double WHOLE_TITLE = 2;
  private static final double GENERIC_WORD = 0.3;
  private static final double SLIP = 0.9;
  private static final Pattern LATIN_TOKEN = Pattern.compile("[a-z0-9+#]+(?:-[a-z0-9]+)*");
  private static final Pattern HAN_RUN = Pattern.compile("\\p{IsHan}+");
  /** Two-letter title words that are not grammar, so they count ("UX", "QA", "PM"). */
  private static final Set<String> SHORT_GRAMMAR = Set.of("of", "in", "at", "to", "an", "or", "on", "is", "it", "we",
      "me", "my", "do", "by", "as", "be", "us", "no", "so", "up");
  private static final Set<String> GENERIC_HAN = Set.of("工程师", "开发", "经理", "高级", "资深", "工程", "专员", "师");

  /**
   * A job named in the text: {@code job} is null when several fit equally well, and {@code query} is then the
   * words that matched (the handler's picker shows the choices); {@code whole} when the words cover the title.
   */
  record Found(Job job, String query, List<EntityText.Span> spans, boolean whole) {}

  private record Score(Lexicon.Entry entry, double total, double literal, List<EntityText.Span> spans, boolean whole) {}

  private JobFinder() {}

  static java.util.Optional<Found> find(EntityText text, Lexicon lexicon) {
    String t = text.text();
    List<EntityText.Span> latin = tokens(LATIN_TOKEN, t, text);
    List<EntityText.Span> han = tokens(HAN_RUN, t, text);
    List<EntityText.Span> concepts = new ArrayList<>();
    for (EntityText.Span span : JobWords.find(t)) {
      if (text.free(span)) {
        concepts.add(span);
      }
    }
    String squeezed = Lexicon.squeeze(t);
    List<Score> scores = new ArrayList<>();
    for (Lexicon.Entry entry : lexicon.jobs()) {
      Score s = score(entry, latin, han, concepts, squeezed);
      if (s.total() >= MIN_SCORE) {
        scores.add(s);
      }
    }
    if (scores.isEmpty()) {
      return java.util.Optional.empty();
    }
    scores.sort(Comparator.comparingDouble(Score::total).thenComparingDouble(Score::literal).reversed());
    Score best = scores.get(0);
    boolean tie = scores.size() > 1 && scores.get(1).total() == best.total() && scores.get(1).literal() == best.literal();
    if (tie) {
      String words = String.join(" ", best.spans().stream().map(EntityText.Span::text).toList());
      return java.util.Optional.of(new Found(null, words, best.spans(), false));
    }
    Job job = best.entry().job();
    return java.util.Optional.of(new Found(job, job.code().isEmpty() ? job.title() : job.code(), best.spans(),
        best.whole()));
  }

  private static Score score(Lexicon.Entry entry, List<EntityText.Span> latin, List<EntityText.Span> han,
      List<EntityText.Span> concepts, String squeezed) {
    double literal = 0;
    double code = 0;
    List<EntityText.Span> literalSpans = new ArrayList<>();
    for (EntityText.Span token : latin) {
      String word = token.text();
      if (!entry.code().isEmpty() && word.replace("-", "").equals(entry.code())) {
        code = CODE;
        literalSpans.add(token);
        continue;
      }
      double w = wordWeight(word, entry.titleWords());
      if (w > 0) {
        literal += w;
        literalSpans.add(token);
      }
    }
    for (EntityText.Span run : han) {
      EntityText.Span common = longestCommon(run, entry.titleHan());
      if (common != null) {
        literal += GENERIC_HAN.contains(common.text()) ? GENERIC_WORD : common.text().length() * 0.5;
        literalSpans.add(common);
      }
    }
    String title = entry.squeezed();
    boolean whole = !title.isEmpty() && squeezed.contains(title);
    if (whole) {
      literal += WHOLE_TITLE;
    }
    double translated = 0;
    List<EntityText.Span> conceptSpans = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (EntityText.Span span : concepts) {
      String concept = JobWords.WORDS.get(span.text());
      if (entry.concepts().contains(concept) && seen.add(concept)) {
        translated += JobWords.weight(concept);
        conceptSpans.add(span);
      }
    }
    boolean literalWins = literal >= translated;
    List<EntityText.Span> spans = literalWins ? literalSpans : conceptSpans;
    return new Score(entry, Math.max(literal, translated) + code, literal + code, spans, whole || code > 0);
  }

  private static double wordWeight(String word, List<String> titleWords) {
    if (word.length() < 2 || (word.length() == 2 && SHORT_GRAMMAR.contains(word))) {
      return 0;
    }
    boolean generic = JobWords.isJobWord(word) && JobWords.GENERIC.contains(JobWords.WORDS.get(word));
    for (String titleWord : titleWords) {
      if (titleWord.equals(word)) {
        return generic ? GENERIC_WORD : 1;
      }
    }
    if (word.length() >= 5 && !generic) {
      for (String titleWord : titleWords) {
        if (titleWord.length() >= 5 && EditDistance.distance(word, titleWord, 1) <= 1) {
          return SLIP;
        }
      }
    }
    return 0;
  }

  /** The longest stretch (two characters or more) of the run that the title also has, placed in the text. */
  private static EntityText.Span longestCommon(EntityText.Span run, String titleHan) {
    String r = run.text();
    for (int length = Math.min(r.length(), titleHan.length()); length >= 2; length--) {
      for (int i = 0; i + length <= r.length(); i++) {
        String piece = r.substring(i, i + length);
        if (titleHan.contains(piece)) {
          return new EntityText.Span(run.start() + i, run.start() + i + length, piece);
        }
      }
    }
    return null;
  }

  private static List<EntityText.Span> tokens(Pattern pattern, String t, EntityText text) {
    List<EntityText.Span> spans = new ArrayList<>();
    Matcher m = pattern.matcher(t);
    while (m.find()) {
      spans.addAll(text.freeParts(new EntityText.Span(m.start(), m.end(), m.group())));
    }
    return spans;
  }
}

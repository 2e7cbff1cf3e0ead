package io.hirebot.hire;

import io.hirebot.util.EditDistance;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Resolves what a user typed ("BE-001", "backend", "后端", "Backend Enginer") to an open job, since Hire
 * has no job search API: exact code, exact title, then partial title, then close spelling. Pure.
 */
public final class JobMatcher {
  /** How many near misses a "no such job" answer offers. */
  public static final int CLOSEST = 3;
  /** A typo this close (edit distance per character) still names the job, when only one job is that close. */
  static final double MAX_TYPO_RATIO = 0.25;
  /**
   * A job this close or closer is offered as a near miss ("sales manager" → Product Manager, 0.47; "销售经理" →
   * 产品经理, 0.5); past it the ranking is noise ("designer" is 0.55 from both engineers, "astronaut" 0.7 from all).
   */
  static final double NEAR_RATIO = 0.5;
  static final int MAX_CHOICES = 10;

  /** The one place a job named by a user is looked up in Hire: the (cached) jobs, matched against the query. */
  public io.vertx.core.Future<JobMatch> lookUp(HireDirectory hire, String query) {
    return hire.jobs().map(jobs -> match(query, jobs));
  }

  public JobMatch match(String query, List<Job> jobs) {
    List<Job> open = jobs.stream().filter(Job::open).toList();
    String q = normalize(query);
    if (q.isEmpty()) {
      return someOpen(open);
    }
    List<Job> exact = open.stream()
        .filter(j -> normalize(j.code()).equals(q) || normalize(j.title()).equals(q) || j.id().equals(query.trim()))
        .toList();
    if (!exact.isEmpty()) {
      return exact.size() == 1 ? new JobMatch.One(exact.get(0)) : new JobMatch.Several(exact);
    }
    List<Job> partial = open.stream().filter(j -> contains(normalize(j.title()), q)).toList();
    if (partial.size() == 1) {
      return new JobMatch.One(partial.get(0));
    }
    if (partial.size() > 1) {
      return new JobMatch.Several(partial.stream().limit(MAX_CHOICES).toList());
    }
    List<Job> ranked = new ArrayList<>(open);
    ranked.sort(Comparator.comparingDouble(j -> distance(q, j)));
    List<Job> typos = ranked.stream().filter(j -> distance(q, j) <= MAX_TYPO_RATIO).toList();
    if (typos.size() == 1) {
      return new JobMatch.One(typos.get(0));
    }
    List<Job> near = ranked.stream().filter(j -> distance(q, j) <= NEAR_RATIO).limit(CLOSEST).toList();
    return near.isEmpty() ? someOpen(open) : new JobMatch.None(near, true);
  }

  private static JobMatch.None someOpen(List<Job> open) {
    return new JobMatch.None(open.stream().limit(CLOSEST).toList(), false);
  }

  /** Whether a keyword appears in the job's title or code, ignoring case, width and punctuation. */
  public static boolean mentions(Job job, String keyword) {
    String k = normalize(keyword);
    return normalize(job.title()).contains(k) || normalize(job.code()).contains(k);
  }

  /** Partial match on whole words for Latin text ("back" ⊄ "backend" is fine, "end" alone is not). */
  private static boolean contains(String title, String q) {
    if (!title.contains(q)) {
      return false;
    }
    return q.length() >= 3 || q.codePoints().anyMatch(JobMatcher::isCjk);
  }

  /** Edit distance relative to length, against the title, the code, or the best same-length slice of the title. */
  static double distance(String q, Job job) {
    String title = normalize(job.title());
    String code = normalize(job.code());
    double best = ratio(q, title);
    if (!code.isEmpty()) {
      best = Math.min(best, ratio(q, code));
    }
    if (title.length() > q.length()) {
      for (int i = 0; i + q.length() <= title.length(); i++) {
        best = Math.min(best, ratio(q, title.substring(i, i + q.length())) + 0.05);
      }
    }
    return best;
  }

  private static double ratio(String a, String b) {
    int max = Math.max(a.length(), b.length());
    return max == 0 ? 1 : (double) EditDistance.withoutSwaps(a, b) / max;
  }

  /** Full-width to half-width, lower case, and no spaces or punctuation, so "Back-End  Engineer" = "backendengineer". */
  static String normalize(String s) {
    if (s == null) {
      return "";
    }
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(n.length());
    for (int i = 0; i < n.length(); ) {
      int cp = n.codePointAt(i);
      if (Character.isLetterOrDigit(cp)) {
        sb.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  private static boolean isCjk(int cp) {
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }
}

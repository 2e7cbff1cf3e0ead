package io.hirebot.command;

import io.hirebot.hire.Job;
import io.hirebot.hire.JobProcess;
import io.hirebot.hire.Stage;
import io.hirebot.i18n.ChineseScript;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the tenant's own data says a message can name: its open jobs (with their title words and concepts
 * precomputed) and the names of its stages. Immutable and built off the parsing path, so reading a message
 * against it costs no Hire call.
 */
public final class Lexicon {

  /** No data yet: the parser then reads only the fixed grammar. */
  public static final Lexicon EMPTY = new Lexicon(List.of(), List.of());

  /**
   * One open job as the entity reader scores it; {@code squeezed} is the folded title with only letters and digits,
   * computed here once rather than on every parse.
   */
  record Entry(Job job, String code, String title, String titleHan, List<String> titleWords, Set<String> concepts,
      String squeezed) {}

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]");

  private final List<Entry> jobs;
  private final List<Job> openJobs;
  private final List<String> stageNames;

  private Lexicon(List<Entry> jobs, List<String> stageNames) {
    this.jobs = List.copyOf(jobs);
    this.openJobs = jobs.stream().map(Entry::job).toList();
    this.stageNames = List.copyOf(stageNames);
  }

  /** The open jobs and every stage name (both languages) of every process. */
  public static Lexicon of(List<Job> jobs, List<JobProcess> processes) {
    List<Entry> entries = new ArrayList<>();
    for (Job job : jobs) {
      if (job.open()) {
        String title = fold(job.title());
        entries.add(new Entry(job, fold(job.code()).replaceAll("[^a-z0-9]", ""), title, han(title),
            latinWords(title), JobWords.concepts(title), squeeze(title)));
      }
    }
    Set<String> stages = new LinkedHashSet<>();
    for (JobProcess process : processes) {
      for (Stage stage : process.stages()) {
        addName(stages, stage.zhName());
        addName(stages, stage.enName());
      }
    }
    List<String> sorted = new ArrayList<>(stages);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    return new Lexicon(entries, sorted);
  }

  /** How many open jobs it knows (the lexicon's size in logs). */
  public int jobCount() {
    return jobs.size();
  }

  List<Entry> jobs() {
    return jobs;
  }

  /** The open jobs themselves, in the lexicon's order. */
  List<Job> openJobs() {
    return openJobs;
  }

  /** Only the letters and digits of {@code text} ("Back-end, Engineer" → "BackendEngineer"). */
  static String squeeze(String text) {
    return NOT_WORD.matcher(text).replaceAll("");
  }

  /** Stage names, lower case and Simplified, longest first. */
  List<String> stageNames() {
    return stageNames;
  }

  boolean isEmpty() {
    return jobs.isEmpty();
  }

  /** Lower case, Simplified, single spaces: the form both the lexicon and the reader compare in. */
  static String fold(String text) {
    if (text == null) {
      return "";
    }
    String simplified = ChineseScript.toSimplified(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC));
    return WHITESPACE.matcher(simplified.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }

  static String han(String text) {
    StringBuilder sb = new StringBuilder();
    text.codePoints().filter(EntityText::isHan).forEach(sb::appendCodePoint);
    return sb.toString();
  }

  static List<String> latinWords(String text) {
    List<String> words = new ArrayList<>();
    for (String w : text.split("[^a-z0-9+#]+")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return words;
  }

  private static void addName(Set<String> names, String name) {
    String folded = fold(name);
    if (folded.length() >= 2) {
      names.add(folded);
    }
  }
}

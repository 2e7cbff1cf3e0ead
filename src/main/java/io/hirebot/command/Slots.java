package io.hirebot.command;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Cleans the free-text argument of a command (a job query, a keyword) and rejects what cannot be one. */
final class Slots {

  /** First words of commands still to come; "pipeline candidates for X" must not become a job called "pipeline". */
  static final Set<String> RESERVED_COMMAND_WORDS = Set.of(
      "pipeline", "funnel", "interviews", "offers", "subscribe", "unsubscribe", "subscriptions", "digest");

  /** Words that are grammar, not an argument, when they are all that is left. */
  private static final Set<String> NOT_AN_ARGUMENT = Set.of(
      "job", "jobs", "position", "positions", "role", "the", "for", "of", "to", "with", "职位", "岗位", "的");

  /** Single-word fillers whose misspellings ("shwo") must not pass for a job name or keyword. */
  private static final List<String> MISSPELLABLE_FILLERS = List.of("show", "list", "please");

  private static final Pattern JOB_PREFIX =
      Pattern.compile("^(?:(?:the )?(?:job|position|role) |the |(?:职位|岗位) ?)", Grammar.FLAGS);
  private static final Pattern JOB_SUFFIX = Pattern.compile("(?: (?:job|position|role)| ?(?:职位|岗位|的))$", Grammar.FLAGS);
  private static final Pattern KEYWORD_PREFIX =
      Pattern.compile("^(?:(?:for|with|matching|about|named|called|like) |(?:关于|包含) ?)", Grammar.FLAGS);
  private static final Pattern KEYWORD_SUFFIX = Pattern.compile(" ?(?:相关的|相关|的)$", Grammar.FLAGS);

  private Slots() {}

  /** The job as the user named it (code, name or part of one), without a "job"/"职位" word or quotes; empty if none. */
  static Optional<String> jobQuery(String raw) {
    String query = clean(raw, JOB_PREFIX, JOB_SUFFIX);
    boolean missing = query.isEmpty() || NOT_AN_ARGUMENT.contains(lower(query));
    return missing || !plausible(query) ? Optional.empty() : Optional.of(query);
  }

  /** The keyword to filter jobs by, "" for all jobs; empty when the text is not a jobs request after all. */
  static Optional<String> keyword(String raw) {
    String keyword = clean(raw, KEYWORD_PREFIX, KEYWORD_SUFFIX);
    if (NOT_AN_ARGUMENT.contains(lower(keyword))) {
      return Optional.of("");
    }
    return plausible(keyword) ? Optional.of(keyword) : Optional.empty();
  }

  private static String clean(String raw, Pattern prefix, Pattern suffix) {
    String current = TextNormalizer.trimPunctuation(raw);
    // Repeat because quotes and marker words can nest either way round: job "X" and "job X".
    while (true) {
      String withoutPrefix = prefix.matcher(current).replaceFirst("");
      String next = TextNormalizer.trimPunctuation(suffix.matcher(withoutPrefix).replaceFirst(""));
      if (next.equals(current) || next.isEmpty()) {
        return next;
      }
      current = next;
    }
  }

  private static boolean plausible(String argument) {
    String lower = lower(argument);
    String firstWord = lower.split(" ", 2)[0];
    return !RESERVED_COMMAND_WORDS.contains(firstWord) && !isMisspeltFiller(lower);
  }

  private static boolean isMisspeltFiller(String word) {
    return MISSPELLABLE_FILLERS.stream().anyMatch(filler -> EditDistance.isSlip(word, filler));
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}

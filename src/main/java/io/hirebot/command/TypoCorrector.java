package io.hirebot.command;

import io.hirebot.i18n.Language;
import io.hirebot.util.EditDistance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Proposes spellings of a message with its misspelt command words fixed and every other word left alone. */
final class TypoCorrector {

  /** English words the grammar is built from; only tokens close to one of these are changed. */
  static final List<String> EN_COMMAND_WORDS = List.of(
      "help", "commands", "menu", "candidates", "applicants", "jobs", "job", "positions", "openings", "open",
      "for", "who", "applied", "what", "can", "you", "show", "list", "please", "interviews", "offers", "pipeline",
      "funnel", "candidate", "profile", "today", "tomorrow", "week", "stage");

  /**
   * Words of commands still to come: known, so never "corrected" into today's commands
   * ("candidate 张三" is not a typo of "candidates").
   */
  static final List<String> EN_FUTURE_WORDS = Stream.concat(Stream.of("candidate"), Slots.RESERVED_COMMAND_WORDS.stream())
      .sorted()
      .toList();

  /** Chinese keywords of three or more characters; two-character ones are matched as whole phrases instead. */
  static final List<String> ZH_VOCABULARY = List.of("候选人", "应聘者", "使用说明", "你能做什么", "招聘漏斗", "面试安排");

  private static final Pattern LATIN_WORD = Pattern.compile("[a-zA-Z]+");

  private TypoCorrector() {}

  /** Variants with one word corrected each (left to right), then one with every word corrected; may be empty. */
  static List<String> variants(String text) {
    List<String> variants = new ArrayList<>();
    String[] tokens = text.split(" ");
    String[] allCorrected = tokens.clone();
    for (int i = 0; i < tokens.length; i++) {
      Optional<String> fixed = correctWord(tokens[i]);
      if (fixed.isPresent()) {
        String[] oneCorrected = tokens.clone();
        oneCorrected[i] = fixed.get();
        allCorrected[i] = fixed.get();
        variants.add(String.join(" ", oneCorrected));
      }
    }
    if (variants.size() > 1) {
      variants.add(String.join(" ", allCorrected));
    }
    variants.addAll(chineseVariants(text));
    return variants;
  }

  private static Optional<String> correctWord(String token) {
    String word = token.toLowerCase(Locale.ROOT);
    if (!LATIN_WORD.matcher(word).matches() || EN_COMMAND_WORDS.contains(word) || EN_FUTURE_WORDS.contains(word)) {
      return Optional.empty();
    }
    return closest(word, EN_COMMAND_WORDS);
  }

  /** Chinese has no spaces, so slide each keyword over the text and fix windows one character off. */
  private static List<String> chineseVariants(String text) {
    List<String> variants = new ArrayList<>();
    for (String keyword : ZH_VOCABULARY) {
      for (int start = 0; start + keyword.length() <= text.length(); start++) {
        String window = text.substring(start, start + keyword.length());
        if (differsInOneCharacter(window, keyword)) {
          variants.add(text.substring(0, start) + keyword + text.substring(start + keyword.length()));
        }
      }
    }
    return variants;
  }

  /** The nearest vocabulary word within the typos {@code word}'s target allows, first listed on a tie. */
  static Optional<String> closest(String word, List<String> vocabulary) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : vocabulary) {
      int allowed = Typos.allowedTypos(candidate);
      int distance = EditDistance.distance(word, candidate, allowed);
      if (distance <= allowed && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  private static boolean differsInOneCharacter(String window, String keyword) {
    int differences = 0;
    for (int i = 0; i < keyword.length(); i++) {
      if (window.charAt(i) != keyword.charAt(i)) {
        differences++;
      }
    }
    return differences == 1 && LanguageDetector.detect(window) == Language.ZH;
  }
}

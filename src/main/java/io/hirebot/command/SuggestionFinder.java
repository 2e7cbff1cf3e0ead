package io.hirebot.command;

import io.hirebot.i18n.Language;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Finds the command an unrecognized message most likely meant, as the user should have typed it. */
final class SuggestionFinder {

  /** Longer text is conversation, not a mistyped command; also keeps the search cheap. */
  static final int MAX_LENGTH_TO_CORRECT = 100;

  /** Whole phrasings to compare an unknown message with, per language (single characters like "h" excluded). */
  static final Map<Language, List<String>> EXAMPLES = Map.of(
      Language.EN, List.of("help", "commands", "what can you do", "how to use", "usage", "menu", "jobs",
          "open jobs", "positions", "candidates", "interviews", "interviews today", "my interviews", "offers",
          "pipeline", "funnel"),
      Language.ZH, List.of("帮助", "你能做什么", "怎么用", "使用说明", "菜单", "命令", "职位", "职位列表", "有哪些职位",
          "在招职位", "候选人"));

  private SuggestionFinder() {}

  /** The suggestion for an utterance no rule recognized, or "" when nothing is close enough. */
  static String suggest(Utterance utterance) {
    String text = utterance.text();
    if (text.isEmpty() || text.length() > MAX_LENGTH_TO_CORRECT) {
      return "";
    }
    return fromCorrectedWords(text).or(() -> fromClosestExample(utterance)).orElse("");
  }

  /** "candidtes for Backend" → "candidates for Backend": fix the keyword, keep the rest. */
  private static Optional<String> fromCorrectedWords(String text) {
    for (String variant : TypoCorrector.variants(text)) {
      Optional<String> suggestion = Grammar.match(Utterance.of(variant)).flatMap(SuggestionFinder::phrasingOf);
      if (suggestion.isPresent()) {
        return suggestion;
      }
    }
    return Optional.empty();
  }

  /** "what can u do" → "help", "帮主" → "帮助": the whole message is a near miss of a known phrasing. */
  private static Optional<String> fromClosestExample(Utterance utterance) {
    String text = utterance.text().toLowerCase(Locale.ROOT);
    return TypoCorrector.closest(text, EXAMPLES.get(utterance.language()))
        .flatMap(example -> Grammar.match(Utterance.of(example)))
        .flatMap(SuggestionFinder::phrasingOf);
  }

  private static Optional<String> phrasingOf(ParseResult result) {
    if (result instanceof ParseResult.Parsed parsed) {
      return Optional.of(CommandPhrases.canonical(parsed.command(), parsed.language()));
    }
    String suggestion = ((ParseResult.Unknown) result).suggestion();
    return suggestion.isEmpty() ? Optional.empty() : Optional.of(suggestion);
  }
}

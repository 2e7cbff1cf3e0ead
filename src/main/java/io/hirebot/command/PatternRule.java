package io.hirebot.command;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A grammar row that matches the whole text against a regex and turns its optional {@code arg} group into a command. */
final class PatternRule implements CommandRule {

  /** Name of the regex group holding the command's argument (job query, keyword). */
  static final String ARG = "arg";

  private final ReusableMatcher pattern;
  private final Function<Matcher, Optional<Command>> meaning;

  private PatternRule(String regex, Function<Matcher, Optional<Command>> meaning) {
    this.pattern = ReusableMatcher.compile(regex, Grammar.FLAGS);
    this.meaning = meaning;
  }

  /** A row whose argument (empty when the group did not take part) is validated and wrapped by {@code meaning}. */
  static PatternRule of(String regex, Function<String, Optional<Command>> meaning) {
    boolean hasArgument = regex.contains("(?<" + ARG + ">");
    return new PatternRule(regex, m -> meaning.apply(hasArgument ? group(m, ARG) : ""));
  }

  /** A row with several named groups, read by {@code meaning} from the whole match. */
  static PatternRule groups(String regex, Function<Matcher, Optional<Command>> meaning) {
    return new PatternRule(regex, meaning);
  }

  /** A named group's text, or "" when the group did not take part in the match or the regex has no such group. */
  static String group(Matcher matcher, String name) {
    try {
      String value = matcher.group(name);
      return value == null ? "" : value;
    } catch (IllegalArgumentException noSuchGroup) {
      // Rows share readers (English and Chinese digests); a group only one of them has is simply absent.
      return "";
    }
  }

  /** A row for fixed phrasings of an argument-less command. */
  static PatternRule phrases(Command command, List<String> phrases) {
    return new PatternRule("^(?:" + alternation(phrases) + ")$", arg -> Optional.of(command));
  }

  @Override
  public String toString() {
    return "PatternRule[" + pattern.pattern() + "]";
  }

  @Override
  public Optional<ParseResult> match(Utterance utterance) {
    Matcher matcher = pattern.on(utterance.text());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return meaning.apply(matcher).map(command -> new ParseResult.Parsed(command, utterance.language()));
  }

  /** A regex alternation of literal phrases, longest first so a longer phrase wins over its prefix. */
  static String alternation(List<String> phrases) {
    return phrases.stream()
        .sorted(Comparator.comparingInt(String::length).reversed())
        .map(Pattern::quote)
        .collect(Collectors.joining("|"));
  }
}

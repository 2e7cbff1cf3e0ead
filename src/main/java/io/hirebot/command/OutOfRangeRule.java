package io.hirebot.command;

import io.hirebot.i18n.Language;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;

/**
 * A grammar row for a command whose words are right but whose argument is not ("quiet 25:00-08:00", "audit 0"):
 * refuses it with what is wrong and an example of the full form, instead of the bare help. Listed after the rows
 * that accept the command, so it sees only what they refused; a match whose {@code problem} finds nothing wrong
 * falls through to the rules after it.
 */
record OutOfRangeRule(ReusableMatcher pattern, Function<Matcher, Optional<ParseResult.Problem>> problem,
    BiFunction<Matcher, Language, String> example) implements CommandRule {

  static OutOfRangeRule of(String regex, Function<Matcher, Optional<ParseResult.Problem>> problem,
      Function<Language, String> example) {
    return of(regex, problem, (m, language) -> example.apply(language));
  }

  /** @param example the example for what was typed (e.g. the nearest valid argument) */
  static OutOfRangeRule of(String regex, Function<Matcher, Optional<ParseResult.Problem>> problem,
      BiFunction<Matcher, Language, String> example) {
    return new OutOfRangeRule(ReusableMatcher.compile(regex, Grammar.FLAGS), problem, example);
  }

  @Override
  public Optional<ParseResult> match(Utterance utterance) {
    Matcher m = pattern.on(utterance.text());
    if (!m.matches()) {
      return Optional.empty();
    }
    Language language = utterance.language();
    return problem.apply(m).map(p -> new ParseResult.Unknown(utterance.original(), example.apply(m, language), language,
        p));
  }

  /** The first of the named groups that holds no time of day, as a problem. */
  static Optional<ParseResult.Problem> notATime(Matcher m, String... groups) {
    for (String group : groups) {
      String given = PatternRule.group(m, group);
      if (!given.isEmpty() && DigestRules.time(given).isEmpty()) {
        return Optional.of(new ParseResult.Problem(ParseResult.Problem.Kind.NOT_A_TIME, given.strip()));
      }
    }
    return Optional.empty();
  }
}

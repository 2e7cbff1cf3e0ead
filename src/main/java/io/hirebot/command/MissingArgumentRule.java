package io.hirebot.command;

import io.hirebot.i18n.Language;
import java.util.Optional;
import java.util.function.Function;

/** A grammar row for a command typed without its required argument: refuses it with an example of the full form. */
record MissingArgumentRule(ReusableMatcher pattern, Function<Language, String> example) implements CommandRule {

  static MissingArgumentRule of(String regex, Function<Language, String> example) {
    return new MissingArgumentRule(ReusableMatcher.compile(regex, Grammar.FLAGS), example);
  }

  @Override
  public Optional<ParseResult> match(Utterance utterance) {
    if (!pattern.on(utterance.text()).matches()) {
      return Optional.empty();
    }
    Language language = utterance.language();
    return Optional.of(new ParseResult.Unknown(utterance.original(), example.apply(language), language));
  }
}

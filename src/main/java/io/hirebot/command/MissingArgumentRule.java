package io.hirebot.command;

import io.hirebot.i18n.Language;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** A grammar row for a command typed without its required argument: refuses it with an example of the full form. */
record MissingArgumentRule(Pattern pattern, Function<Language, String> example) implements CommandRule {

  static MissingArgumentRule of(String regex, Function<Language, String> example) {
    return new MissingArgumentRule(Pattern.compile(regex, Grammar.FLAGS), example);
  }

  @Override
  public Optional<ParseResult> match(Utterance utterance) {
    if (!pattern.matcher(utterance.text()).matches()) {
      return Optional.empty();
    }
    Language language = utterance.language();
    return Optional.of(new ParseResult.Unknown(utterance.original(), example.apply(language), language));
  }
}

package io.hirebot.command;

import java.util.Optional;
import java.util.regex.Matcher;

/**
 * A change said not to be made: "don't reject Carol Davis", "do not move 张伟 to offer", "never advance Li Lei",
 * "不要淘汰张伟", "别把王敏推进到笔试" ({@link Command.Negated}). What follows the negation must read as a change about
 * one person, as {@link ActionRules} reads an order (or a change verb and a name: "don't move Carol Davis yet"); a
 * negated group or pronoun ("don't reject them all") stays a refusal of another kind. Tried before the orders, so a
 * negation is never read as the change it forbids.
 */
final class NegatedChangeRule implements CommandRule {

  /** A negation that opens the message; group "en" or "zh" is the change it forbids. */
  private static final ReusableMatcher NEGATION = ReusableMatcher.compile(
      "^(?:(?:please|pls|ok|okay|so|but|and|no|wait)[ ,]+)*(?:don'?t|do not|never|let'?s not|no need to)"
          + "(?: (?:ever|yet|just))? (?<en>.+)$"
          + "|^(?:请|先|暂时|千万|还是|麻烦)*(?:不要|别(?!的|人)|不用|不必|无需)(?:再|先)?\\s*(?<zh>.+)$",
      Grammar.FLAGS);
  /** Words after the change that only say when not to ("yet", "for now", "了", "吧"). */
  private static final ReusableMatcher TAIL = ReusableMatcher.compile(
      "(?:\\s+(?:yet|just yet|for now|for the moment|now|today|please))+$|(?:了|吧|啊|哦|呀|先|暂时)+$", Grammar.FLAGS);
  /** A change verb and whom it is about, when no order reads it whole ("move Carol Davis", without a stage). */
  private static final ReusableMatcher VERB_PERSON = ReusableMatcher.compile(
      "^(?:move|advance|push|progress|reject|decline|turn down|pass on|drop|hire|terminate|promote|transfer)"
          + " (?:candidate )?(?<person>.+)$"
          + "|^(?:推进|推|淘汰|拒绝|刷掉|挂掉|录取|移动|终止)\\s*(?<zh>.+)$", Grammar.FLAGS);

  private static final ActionRules ORDERS = new ActionRules();

  @Override
  public Optional<ParseResult> match(Utterance utterance) {
    String text = FillerWords.strip(TextNormalizer.normalizeKeepingColons(utterance.original()));
    Matcher m = NEGATION.on(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    String forbidden = m.group("en") != null ? m.group("en") : m.group("zh");
    String change = TAIL.on(forbidden).replaceFirst("").strip();
    return person(change).map(p -> new ParseResult.Parsed(new Command.Negated(p), utterance.language()));
  }

  /** The one person the change is about, read as an order would be, else after a change verb; empty for no one. */
  private static Optional<String> person(String change) {
    if (ORDERS.match(Utterance.of(change)).orElse(null) instanceof ParseResult.Parsed p
        && p.command() instanceof Command.Change c) {
      return Optional.of(c.person());
    }
    Matcher m = VERB_PERSON.on(change);
    if (!m.matches()) {
      return Optional.empty();
    }
    return ActionRules.person(m.group("person") != null ? m.group("person") : m.group("zh"));
  }
}

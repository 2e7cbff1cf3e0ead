package io.hirebot.command;

import io.hirebot.i18n.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns the text of a chat message (the bot's own mention already removed) into a {@link ParseResult}:
 * a pure, thread-safe function that never throws. The fixed grammar reads first; with a {@link Lexicon} of the
 * tenant's jobs and stages, the {@link EntityReader} reads what the grammar cannot, a grammar reading whose job
 * names no open job yields to it, and a person who is also a job's name is asked about.
 */
public final class CommandParser {

  /** Longer messages are refused without a suggestion: commands are short, and this bounds the work. */
  public static final int MAX_INPUT_LENGTH = 500;

  private final Supplier<Lexicon> lexicon;

  /** The grammar alone, as before entities were read. */
  public CommandParser() {
    this(null);
  }

  /** @param lexicon the latest snapshot of the tenant's jobs and stages (read on every parse; never blocks) */
  public CommandParser(Supplier<Lexicon> lexicon) {
    this.lexicon = lexicon;
  }

  /** Parses {@code text} (null is treated as empty); unknown text gets the closest command as a suggestion. */
  public ParseResult parse(String text) {
    return parse(text, Conversation.NONE);
  }

  /**
   * Parses {@code text} as a message that may follow up {@code conversation} (what this user was last shown in this
   * chat): "next page", "那前端呢", "第二个人的简历" become the commands they mean, or a question when nothing fits.
   */
  public ParseResult parse(String text, Conversation conversation) {
    return parse(text, conversation, true);
  }

  /**
   * A message too long to be read as a command, answered in the language of its first word: "note on 李洋: …" with a
   * long English note is English, "给李洋备注：…" Chinese (the whole text's script would make any name Chinese).
   */
  private static ParseResult tooLong(String original, int length) {
    String first = original.strip().split("\\s+", 2)[0];
    return new ParseResult.Unknown(original, "", LanguageDetector.detect(first),
        new ParseResult.Problem(ParseResult.Problem.Kind.TOO_LONG, String.valueOf(length)));
  }

  private ParseResult parse(String text, Conversation conversation, boolean followUps) {
    String original = text == null ? "" : text;
    Language language = LanguageDetector.detect(original);
    int length = original.codePointCount(0, original.length());
    if (length > MAX_INPUT_LENGTH) {
      return tooLong(original, length);
    }
    Utterance utterance = Utterance.of(original, language);
    // NFKC can expand a character into several ("㍿" → "株式会社"), so check again after normalizing.
    if (utterance.text().length() > MAX_INPUT_LENGTH) {
      return tooLong(original, length);
    }
    Lexicon latest = lexicon == null ? null : lexicon.get();
    Lexicon known = latest == null ? Lexicon.EMPTY : latest;
    if (followUps) {
      Optional<ParseResult> followUp = FollowUps.read(utterance, conversation == null ? Conversation.NONE : conversation,
          known, rewritten -> parse(rewritten, Conversation.NONE, false));
      if (followUp.isPresent()) {
        return inItsLanguage(followUp.get(), original, Optional.empty(), known);
      }
    }
    Optional<ParseResult> grammar = Grammar.match(utterance);
    if (latest != null) {
      Optional<ParseResult> understood = Understanding.read(utterance, grammar, known);
      if (understood.isPresent() && !isBare(understood.get())) {
        return inItsLanguage(misspeltCommandFirst(understood.get(), grammar, utterance, original, known), original, grammar,
            known);
      }
    }
    return inItsLanguage(grammar.orElseGet(() -> new ParseResult.Unknown(original, SuggestionFinder.suggest(utterance),
        language)), original, Optional.empty(), known);
  }

  /**
   * The command read, to be answered in the language its own words are in rather than its names' (the rules read
   * with the message's script, in which any Chinese character is Chinese): "advance 王敏" is answered in English.
   * Every reading passes here, so this is where every answer's language is decided.
   */
  private static ParseResult inItsLanguage(ParseResult result, String original, Optional<ParseResult> grammar,
      Lexicon known) {
    if (result instanceof ParseResult.Unknown unknown) {
      return unknownInItsLanguage(unknown, original, known);
    }
    ParseResult.Parsed parsed = (ParseResult.Parsed) result;
    List<Command> readings = new ArrayList<>(List.of(parsed.command()));
    grammar.filter(ParseResult.Parsed.class::isInstance).map(g -> ((ParseResult.Parsed) g).command())
        .ifPresent(readings::add);
    Language language = LanguageDetector.ofCommand(original, readings, known);
    return language == parsed.language() ? parsed : new ParseResult.Parsed(parsed.command(), language);
  }

  /**
   * Text read as no command whose suggestion is one ("should we reject 张伟?" → "candidate 张伟"): in the language of
   * the words left once what that command carries is taken out, its suggestion phrased in it. Text with no suggestion
   * has nothing to tell its names from its words, and keeps its script's language.
   */
  private static ParseResult unknownInItsLanguage(ParseResult.Unknown unknown, String original, Lexicon known) {
    if (unknown.suggestion().isEmpty() || unknown.problem() != null || !LanguageDetector.mixesScripts(original)) {
      return unknown;
    }
    Optional<Command> closest = Grammar.match(Utterance.of(unknown.suggestion()))
        .filter(ParseResult.Parsed.class::isInstance).map(r -> ((ParseResult.Parsed) r).command())
        // only a suggestion that is a command's phrasing (not a template such as "candidates for job <name>")
        .filter(c -> CommandPhrases.canonical(c, unknown.language()).equals(unknown.suggestion()));
    if (closest.isEmpty()) {
      return unknown;
    }
    Language language = LanguageDetector.ofCommand(original, List.of(closest.get()), known);
    return language == unknown.language() ? unknown
        : new ParseResult.Unknown(unknown.text(), CommandPhrases.canonical(closest.get(), language), language);
  }

  /**
   * A guess from the message's entities ("pipline for backend" names the job Backend: its candidates?) gives way to
   * the command its misspelt words spell, read as the message would be ("pipeline for BE-001"), when that is about a
   * job too: it says what was asked of the job. Anything else keeps the guess ("send an offer to Emma" is about her).
   * Only text short enough to be a mistyped command is respelt, as for a suggestion: each spelling is read whole, and
   * a long message of near misses ("UX jbos jbos …") has one per word, which took a quarter of a second at the limit.
   */
  private static ParseResult misspeltCommandFirst(ParseResult understood, Optional<ParseResult> grammar,
      Utterance utterance, String original, Lexicon known) {
    if (grammar.isPresent() || !(understood instanceof ParseResult.Unknown guess) || guess.problem() != null
        || utterance.text().length() > SuggestionFinder.MAX_LENGTH_TO_CORRECT) {
      return understood;
    }
    for (String variant : TypoCorrector.variants(utterance.text())) {
      Utterance spelt = Utterance.of(variant);
      Optional<ParseResult> spelled = Grammar.match(spelt);
      Optional<ParseResult> read = Understanding.read(spelt, spelled, known).filter(r -> !isBare(r)).or(() -> spelled);
      if (read.isPresent() && read.get() instanceof ParseResult.Parsed p && Understanding.namesJob(p.command())) {
        return new ParseResult.Unknown(original, CommandPhrases.canonical(p.command(), guess.language()),
            guess.language());
      }
    }
    return understood;
  }

  /** An unknown without a suggestion: the typo corrector may still find the command meant. */
  private static boolean isBare(ParseResult result) {
    return result instanceof ParseResult.Unknown unknown && unknown.suggestion().isEmpty();
  }
}

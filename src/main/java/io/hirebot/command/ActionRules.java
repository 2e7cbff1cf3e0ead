package io.hirebot.command;

import io.hirebot.i18n.ChineseScript;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grammar rows for the changes typed in words ({@link Command.Change}): "move Carol Davis to second interview",
 * "advance 张伟", "reject Carol Davis — not enough experience", "note on 李洋: strong system design",
 * "把王敏推进到笔试", "淘汰张伟", "给李洋备注：…". A row matches only an imperative whose person reads as a name:
 * questions ("who rejected Carol?"), negations ("don't reject Carol"), groups ("reject all backend candidates") and
 * pronouns decline here and stay refusals. Read on the text with its colons kept, which separate the person from a
 * remark or a note. Every pattern's matcher is kept per thread ({@link ReusableMatcher}), as the grammar's are.
 */
final class ActionRules implements CommandRule {

  private static final String EN_NEXT = "(?:the )?next(?: (?:stage|round|step|one))?";
  private static final String ZH_NEXT = "下一(?:个)?(?:阶段|轮|步|环节|关)?";
  /** A stage that says "the next one" (was compiled on every move read). */
  private static final ReusableMatcher NEXT_STAGE = ReusableMatcher.compile(EN_NEXT + "|" + ZH_NEXT, Pattern.CASE_INSENSITIVE);
  /** Between a person and a remark: a dash, a colon, a comma, or a word that gives a reason. */
  private static final String EN_REMARK = "(?:\\s*(?:[—–:;,]|--| - )\\s*(?:reason\\s*:?\\s*)?|\\s+(?:because|since|as|due to|reason:?)\\s+)";
  private static final String ZH_REMARK = "(?:\\s*[,，:：;；—–-]\\s*(?:原因|理由)?\\s*[:：]?\\s*|\\s*(?:因为|原因|理由)[:：]?\\s*)";
  private static final String ZH_PLEASE = "(?:请|帮我|麻烦|麻烦你|帮忙)?\\s*";

  /** Question and negation words: a command part carrying one asks or forbids, it never orders a change. */
  private static final ReusableMatcher NOT_AN_ORDER = ReusableMatcher.compile(
      "\\b(?:who|what|when|why|how|which|whom|whose|don'?t|do not|never|shouldn'?t)\\b"
          + "|谁|哪|什么|为什么|怎么|是否|有没有|吗|了没|不要|别|不用|不能",
      Grammar.FLAGS);
  /** A request that ends in a question mark is still one when it is asked politely ("can you advance Carol?"). */
  private static final ReusableMatcher POLITE = ReusableMatcher.compile("^\\s*(?:can|could|would|will) you\\b|^\\s*(?:请|麻烦|帮我)", Grammar.FLAGS);
  /** Words that name no one: groups, pronouns (a follow-up resolves those), and the nouns around an action. */
  private static final Set<String> NOT_PEOPLE = Set.of("all", "everyone", "everybody", "them", "him", "her", "it",
      "this", "that", "these", "those", "this one", "that one", "reasons", "reason", "candidates", "candidate",
      "applicants", "the candidate", "he", "she", "they", "他", "她", "他们", "她们", "这个人", "那个人", "所有人", "全部",
      "大家", "这个", "那个");
  private static final ReusableMatcher LATIN_NAME = ReusableMatcher.compile("\\p{IsLatin}[\\p{IsLatin}'’.-]*(?: \\p{IsLatin}[\\p{IsLatin}'’.-]*){1,2}", 0);
  private static final ReusableMatcher PERSON_PREFIX = ReusableMatcher.compile("^(?:candidate |the candidate |候选人 ?)", Grammar.FLAGS);

  private static final List<Row> ROWS = List.of(
      // English moves: "move Carol Davis to second interview", "push 张伟 through to the offer stage"
      row("^(?:move|advance|push|progress|bump|put|send|transfer) (?<person>.+?) (?:forward |ahead |along |on |up |over |straight )?"
          + "(?:to|into|onto|on to|through to|forward to|up to) (?:the )?(?<stage>.+?)(?: stage| round| step)?$",
          m -> stage(m.group("stage")).isEmpty() ? new Command.Advance(m.group("person"))
              : new Command.Move(m.group("person"), stage(m.group("stage")))),
      row("^(?:advance|progress|push|bump|move) (?<person>.+?) (?:forward|ahead|along|on|up|to " + EN_NEXT + ")$",
          m -> new Command.Advance(m.group("person"))),
      row("^(?:advance|progress) (?<person>.+?)$", m -> new Command.Advance(m.group("person"))),
      // English rejections: "reject Carol Davis — not enough experience", "decline Emma Wilson"
      row("^(?:reject|decline|turn down|pass on) (?:candidate )?(?<person>.+?)(?:" + EN_REMARK + "(?<remark>.+))?$",
          m -> new Command.Reject(m.group("person"), remark(m.group("remark")))),
      // English notes: "note on 李洋: strong system design", "add a note to Carol Davis - great culture fit"
      row("^(?:(?:add|leave|write|put|make) )?(?:a |an )?(?:note|comment|remark)s? (?:on|for|to|about|re|under) (?<person>.+?)"
          + "\\s*(?::|—|–| - |--)\\s*(?<text>.+)$", m -> new Command.Note(m.group("person"), m.group("text").strip())),
      row("^note (?<person>.+?)\\s*:\\s*(?<text>.+)$", m -> new Command.Note(m.group("person"), m.group("text").strip())),
      // Chinese moves: "把王敏推进到笔试", "王敏推到二面", "推进王敏到一面", "把张伟推进一下"
      row("^" + ZH_PLEASE + "把\\s*(?<person>.+?)\\s*(?:推进|移动|移|挪|转|推|调|放|安排)(?:到|至)\\s*(?<stage>.+?)\\s*(?:阶段|环节)?(?:吧|去|了)?$",
          ActionRules::zhMove),
      row("^" + ZH_PLEASE + "(?:推进|推|移|转|挪)\\s*(?<person>.+?)\\s*(?:到|至|进)\\s*(?<stage>.+?)\\s*(?:阶段|环节)?(?:吧)?$",
          ActionRules::zhMove),
      row("^" + ZH_PLEASE + "(?<person>[^把]+?)\\s*(?:推进|推|移|转|挪)(?:到|至)\\s*(?<stage>.+?)\\s*(?:阶段|环节)?(?:吧)?$",
          ActionRules::zhMove),
      row("^" + ZH_PLEASE + "把\\s*(?<person>.+?)\\s*(?:往前)?推进(?:一下|一步)?(?:吧)?$", m -> new Command.Advance(m.group("person"))),
      row("^" + ZH_PLEASE + "推进(?:一下)?\\s*(?<person>.+?)(?:的流程)?(?:吧)?$", m -> new Command.Advance(m.group("person"))),
      // Chinese rejections: "淘汰张伟", "把张伟淘汰了，经验不足", "拒绝刘洋：沟通一般"
      row("^" + ZH_PLEASE + "(?:淘汰|拒绝|刷掉|pass掉|挂掉)(?:掉)?\\s*(?<person>.+?)(?:" + ZH_REMARK + "(?<remark>.+))?$",
          m -> new Command.Reject(m.group("person"), remark(m.group("remark")))),
      row("^" + ZH_PLEASE + "把\\s*(?<person>.+?)\\s*(?:淘汰|拒绝|刷|挂|pass)(?:掉)?(?:了|吧)?(?:" + ZH_REMARK + "(?<remark>.+))?$",
          m -> new Command.Reject(m.group("person"), remark(m.group("remark")))),
      // Chinese notes: "给李洋备注：系统设计很强", "给李洋加个备注 沟通好", "备注李洋：…"
      row("^" + ZH_PLEASE + "(?:给|为|帮)\\s*(?<person>.+?)\\s*(?:加|添加|写|留|记)?(?:个|一个|一条|条|下)?(?:备注|笔记|评语)\\s*[:：]?\\s*(?<text>.+)$",
          m -> new Command.Note(m.group("person"), m.group("text").strip())),
      row("^(?:备注|笔记)\\s*(?<person>.+?)\\s*[:：]\\s*(?<text>.+)$",
          m -> new Command.Note(m.group("person"), m.group("text").strip())));

  /**
   * A job named with the person: "Carol Davis for backend", "Carol Davis's backend application", "王敏的后端申请",
   * "后端岗位的王敏". The person is the {@code head}; tried only when the whole does not read as a name.
   */
  private static final List<ReusableMatcher> PERSON_WITH_JOB = List.of(
      ReusableMatcher.compile("^(?<head>.+?)\\s+(?:for|on|from|in)\\s+(?:the\\s+)?(?<job>.+?)"
          + "(?:\\s+(?:role|position|job|opening|application|req))?$", Grammar.FLAGS),
      ReusableMatcher.compile("^(?<head>.+?)['’]s\\s+(?<job>.+?)\\s+(?:application|candidacy)$", Grammar.FLAGS),
      ReusableMatcher.compile("^(?<head>.+?)\\s*(?:的|在)\\s*(?<job>.+?)\\s*的?(?:申请|职位|岗位|投递)$", Grammar.FLAGS),
      ReusableMatcher.compile("^(?<job>.+?)\\s*(?:职位|岗位)的?\\s*(?<head>.+)$", Grammar.FLAGS));
  /** A job named after a move's stage: "move 张伟 to second interview for Data Scientist". */
  private static final ReusableMatcher STAGE_WITH_JOB = ReusableMatcher.compile("^(?<head>.+?)(?: stage| round| step)?\\s+(?:for|on|in)\\s+(?:the\\s+)?"
      + "(?<job>.+?)(?:\\s+(?:role|position|job|opening|application|req))?$", Grammar.FLAGS);

  /** One row: the pattern, and the change its groups make (the person is checked after). */
  private record Row(ReusableMatcher pattern, Function<Matcher, Command.Change> change) {}

  @Override
  public Optional<ParseResult> match(Utterance utterance) {
    String text = FillerWords.strip(TextNormalizer.normalizeKeepingColons(utterance.original()));
    for (Row row : ROWS) {
      Matcher m = row.pattern().on(text);
      if (m.matches()) {
        // Only the command part counts: a remark or a note may ask anything ("note on Carol: why did she leave?").
        int free = freeTextStart(m);
        String original = utterance.original().strip();
        boolean question = free < 0 && (original.endsWith("?") || original.endsWith("？"))
            && !POLITE.on(original).find();
        Command.Change change = namingTheJob(row.change().apply(m));
        Optional<String> person = person(change.person());
        if (question || NOT_AN_ORDER.on(free < 0 ? text : text.substring(0, free)).find() || person.isEmpty()
            || !complete(change)) {
          // One reading per message: a row that matched without an order in it is a refusal, not a cue to look on.
          return Optional.empty();
        }
        return Optional.of(new ParseResult.Parsed(asTyped(withPerson(change, person.get()), original),
            utterance.language()));
      }
    }
    return Optional.empty();
  }

  /**
   * A note or remark as the person typed it (their punctuation, their script) rather than normalized, when the end
   * of the message is that text; the normalized one otherwise (a trailing "谢谢" was dropped).
   */
  private static Command.Change asTyped(Command.Change change, String original) {
    if (change instanceof Command.Note n) {
      return new Command.Note(n.person(), typed(n.text(), original), n.jobQuery());
    }
    if (change instanceof Command.Reject r && !r.remark().isEmpty()) {
      return new Command.Reject(r.person(), typed(r.remark(), original), r.jobQuery());
    }
    return change;
  }

  private static String typed(String normalized, String original) {
    int length = normalized.codePointCount(0, normalized.length());
    int count = original.codePointCount(0, original.length());
    if (count < length) {
      return normalized;
    }
    String tail = original.substring(original.offsetByCodePoints(0, count - length));
    return ChineseScript.toSimplified(Normalizer.normalize(tail, Normalizer.Form.NFKC)).equals(normalized)
        ? tail : normalized;
  }

  private static int freeTextStart(Matcher m) {
    for (String group : List.of("remark", "text")) {
      try {
        if (m.start(group) >= 0) {
          return m.start(group);
        }
      } catch (IllegalArgumentException noSuchGroup) {
        // this row has no such group
      }
    }
    return -1;
  }

  /** The person as typed, when it reads as one person's name; empty for groups, pronouns and job words. */
  static Optional<String> person(String typed) {
    String name = PERSON_PREFIX.on(TextNormalizer.trimPunctuation(typed.strip())).replaceFirst("").strip();
    if (name.isEmpty() || NOT_PEOPLE.contains(name.toLowerCase(Locale.ROOT)) || Slots.personName(name).isEmpty()) {
      return Optional.empty();
    }
    if (EntityReader.isName(name)) {
      return Optional.of(name);
    }
    // Recruiters type names in lower case too ("reject carol davis"): two or three plain words, none a command word.
    boolean plain = LATIN_NAME.on(name).matches() && java.util.Arrays.stream(name.toLowerCase(Locale.ROOT)
        .split(" ")).noneMatch(w -> NOT_PEOPLE.contains(w) || Cues.STOP.contains(w) || JobWords.isJobWord(w)
        || Cues.CANDIDATES.contains(w) || Cues.JOBS.contains(w));
    return plain ? Optional.of(name) : Optional.empty();
  }

  /** The change with the job it names taken out of the person (or a move's stage); as it was when it names none. */
  private static Command.Change namingTheJob(Command.Change change) {
    if (person(change.person()).isEmpty()) {
      for (ReusableMatcher p : PERSON_WITH_JOB) {
        Matcher m = p.on(change.person().strip());
        if (m.matches() && person(m.group("head")).isPresent() && !m.group("job").isBlank()) {
          return withPerson(change, m.group("head").strip()).forJob(TextNormalizer.trimPunctuation(m.group("job").strip()));
        }
      }
      return change;
    }
    if (change instanceof Command.Move move) {
      Matcher m = STAGE_WITH_JOB.on(move.stageQuery());
      if (m.matches() && !stage(m.group("head")).isEmpty()) {
        return new Command.Move(move.person(), stage(m.group("head")), TextNormalizer.trimPunctuation(m.group("job").strip()));
      }
    }
    return change;
  }

  private static boolean complete(Command.Change change) {
    if (change instanceof Command.Move m) {
      return !m.stageQuery().isBlank();
    }
    return !(change instanceof Command.Note n) || !n.text().isBlank();
  }

  private static Command.Change withPerson(Command.Change change, String person) {
    if (change instanceof Command.Move m) {
      return new Command.Move(person, m.stageQuery(), m.jobQuery());
    }
    if (change instanceof Command.Advance a) {
      return new Command.Advance(person, a.jobQuery());
    }
    if (change instanceof Command.Reject r) {
      return new Command.Reject(person, r.remark(), r.jobQuery());
    }
    Command.Note n = (Command.Note) change;
    return new Command.Note(person, n.text(), n.jobQuery());
  }

  private static Command.Change zhMove(Matcher m) {
    String stage = stage(m.group("stage"));
    return stage.isEmpty() ? new Command.Advance(m.group("person")) : new Command.Move(m.group("person"), stage);
  }

  /** The stage as typed; "" when it says "the next one", which is an advance. */
  private static String stage(String typed) {
    String stage = TextNormalizer.trimPunctuation(typed.strip());
    return NEXT_STAGE.on(stage).matches() ? "" : stage;
  }

  private static String remark(String typed) {
    return typed == null ? "" : TextNormalizer.trimPunctuation(typed.strip());
  }

  private static Row row(String regex, Function<Matcher, Command.Change> change) {
    return new Row(ReusableMatcher.compile(regex, Grammar.FLAGS), change);
  }
}

package io.hirebot.command;

import io.hirebot.i18n.ChineseScript;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follow-ups of the last card the user was shown in this chat ({@link Conversation}): another page (of a candidates
 * list, or of any other card with a pager), a stage filter, another job for the same question, a person on the card by
 * position ("the second one", "第二个人的简历") or by pronoun ("her profile"), the same job in another view ("offers
 * for that job"). They become ordinary commands; with nothing to follow they become {@link Command.AskWhich} (or, for a
 * job named alone, a choice of what to show for it), never a guess. Only whole messages of these shapes are
 * follow-ups: anything more is read as usual.
 */
final class FollowUps {

  /** Follow-ups are a few words (a typed change with its note aside): a longer message is read as usual. */
  private static final int MAX_LENGTH = 60;
  /** Rows of a candidates card: a position past it is no one on the card. */
  static final int MAX_PEOPLE_ASKED = 8;

  private static final String POLITE = "(?:(?:please|pls|ok|okay|and|so|then|now|hmm|嗯|好的?|那么?|再|请|帮我|麻烦)[ ,，]*)*";
  private static final String TAIL = "(?:[ ,，]*(?:please|pls|thanks|thx|吧|呢|吗|谢谢))*";
  /** "'s profile", "的简历", " profile": what of the person is asked for (always the profile). */
  private static final String DOCUMENT = "(?: ?(?:'s|的))?(?: ?(?:profiles?|resumes?|cvs?|details|简历|履历|资料|档案|详情|情况|信息))*";
  private static final ReusableMatcher NEXT = whole("(?:(?:show|go to|see)(?: me)? )?(?:the )?(?:next|more)(?: page| one[s]?| results)?"
      + "|下一页|下页|再来一页|后一页|翻页|往后翻|下一批|更多|还有呢|还有吗|继续");
  /** The page before: "previous page", and "back to the last page", where "back to" says which "last" is meant. */
  private static final ReusableMatcher PREVIOUS = whole("(?:(?:go )?back(?: to)? )?(?:the )?(?:previous|prev)(?: page)?"
      + "|(?:go )?back to (?:the )?last page|上一页|上页|前一页|往前翻|返回上一页");
  /**
   * The card's final page: "last page" (in English the final one, as "最后一页" is), "the last", "final page". "The last
   * one" is a person ({@link #ORDINAL}).
   */
  private static final ReusableMatcher LAST = whole("(?:(?:show|go to|see|jump to|skip to)(?: me)? )?(?:the )?(?:last|final)"
      + "(?: page)?|最后一页|最后1页|末页|尾页|翻到最后(?:一页)?");
  /**
   * Back where the card came from: the list a profile was opened from (as its Back button), else the page before, as
   * "back" always read.
   */
  private static final ReusableMatcher BACK = whole("(?:go |take me )?back(?: to (?:the )?(?:list|results))?"
      + "|return(?: to (?:the )?list)?|返回|返回列表|回到列表|回列表|后退");
  private static final ReusableMatcher PAGE = whole("(?:(?:show|go to|see)(?: me)? )?page ?(\\d{1,3})|第 ?(\\d{1,3}|[一二三四五六七八九十]) ?页");
  private static final ReusableMatcher ALL_STAGES = whole("(?:show )?(?:all|everyone|everybody|all of them|all stages|every stage)"
      + "|全部(?:阶段|的)?|所有(?:人|阶段|的)?|看全部|不筛选了|全部都看");
  private static final ReusableMatcher STAGE = whole("(?:(?:show|see)(?: me)? )?(?:only|just)(?: show)?(?: the ones| those| people| candidates| the candidates)?"
      + "(?: (?:in|at))?(?: the)? (.+?)(?: stage| ones)?"
      + "|(?:the ones|those)(?: (?:in|at))(?: the)? (.+?)(?: stage)?(?: only)?"
      + "|(?:只看|只要|只显示|只留|就看|只查|筛选|过滤)(?:一下)?(?:在|处于)?(.+?)(?:中|阶段|环节)?(?:的)?(?:人|候选人)?"
      + "|(?:在|处于)?(.+?)(?:中|阶段|环节)的(?:人|候选人)?|(?:在|处于)(.+?)的(?:人|候选人)?");
  /** "candidates in screening": a follow-up after a job's card; alone, the grammar's "which job?" help answers it. */
  private static final ReusableMatcher PEOPLE_IN = whole("(?:candidates|people|applicants)(?: (?:in|at))(?: the)? (.+?)(?: stage)?");
  private static final ReusableMatcher OTHER = whole("(?:(?:and |so )?(?:what|how) about|and|same for|what of|now) (?:the )?(.+?)"
      + "|(?:那|那么|换成|换|再看看?|看看)?(.+?)(?:的)?呢|换成(.+)|换(.+)");
  /** The forms of {@link #OTHER} that can only ask the same question for something else ("and …" could be anything). */
  private static final ReusableMatcher SUBSTITUTE = whole("(?:(?:and |so )?(?:what|how) about|same for) (?:the )?(.+?)"
      + "|(?:那|那么|换成|换)(.+?)(?:的)?呢|换成(.+)");
  private static final ReusableMatcher ORDINAL = whole("(?:(?:show|open|see|view|check|pull up)(?: me)? )?(?:the )?(?:profile of the |resume of the )?"
      + "(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\\d{1,2}(?:st|nd|rd|th))"
      + "(?: one| person| candidate| guy| row| applicant)?" + DOCUMENT
      + "|(?:number|no\\.?|#) ?(\\d{1,2})"
      + "|(?:看看|看一下|打开|查看|看)?(?:第 ?([一二三四五六七八九十两]|\\d{1,2}) ?(?:个|位|名|行)|(最后一)(?:个|位|名))"
      + "(?:人|候选人)?" + DOCUMENT);
  private static final ReusableMatcher PRONOUN = whole("(?:(?:show|open|see|view|check|pull up)(?: me)? )?(?:her|his|their|them|him)"
      + DOCUMENT + "|(?:看看|看一下|打开|查看|看)?(?:他|她|ta|它|他们|她们)(?:的)? ?(?:简历|履历|资料|档案|详情|情况|信息|profile|resume)+");
  private static final ReusableMatcher THAT_JOB = ReusableMatcher.compile("(?:that|this|the same|same) (?:job|role|position|opening)"
      + "|(?:这个|该|那个|同一个|这|那)(?:职位|岗位)|(?<=for |of )it$", 0);
  /**
   * Someone on the last card named inside a longer message ("advance him", "把第二个推进到一面"): a pronoun, or a row
   * by position. Group 1 is the position word, when it is one.
   */
  private static final ReusableMatcher REFERENCE = ReusableMatcher.compile("\\b(?:him|her|he|she)\\b"
      + "|(?:the )?\\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\\d{1,2}(?:st|nd|rd|th))"
      + "(?: one| person| candidate)\\b|第 ?([一二三四五六七八九十两]|\\d{1,2}) ?(?:个|位|名)(?:人|候选人)?|(最后一)(?:个|位|名)"
      + "|(?<![他她])[他她](?![们們])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /** A name no tenant has, put where a reference was to see whether the message is about that person. */
  private static final String STAND_IN = "Zed Standin";
  /** Words of a typed change ("advance", "推进", "备注"): only then is a reference inside a message resolved. */
  private static final ReusableMatcher CHANGE = ReusableMatcher.compile("\\b(?:(?:move|advance|push|progress|bump|reject"
      + "|decline|note|comment|remark)\\w*|turn down|pass on)\\b|推进|推到|移到|转到|挪到|安排到|淘汰|拒绝|刷掉|挂掉|备注|评语",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth", "sixth", "seventh",
      "eighth", "ninth", "tenth");
  private static final String CHINESE_DIGITS = "一二三四五六七八九十";
  /** Stands for the job in "offers for that job" while the rest is read without a job known. */
  private static final String NO_JOB = "zzjobzz";

  private FollowUps() {}

  /**
   * The follow-up the message is, read against what was last shown; empty when it is no follow-up.
   *
   * @param parse how a rewritten message ("offers for BE-001") is read, without a conversation
   */
  static Optional<ParseResult> read(Utterance u, Conversation c, Lexicon lexicon, Function<String, ParseResult> parse) {
    if (u.normalized().isEmpty()) {
      return Optional.empty();
    }
    if (u.normalized().length() > MAX_LENGTH) {
      return change(u, c, parse);
    }
    String f = Lexicon.fold(u.normalized());
    Optional<Command> command = page(f, c).or(() -> person(f, c)).or(() -> stage(f, c, lexicon))
        .or(() -> otherJob(f, c, lexicon));
    if (command.isPresent()) {
      return Optional.of(new ParseResult.Parsed(command.get(), u.language()));
    }
    return change(u, c, parse).or(() -> thatJob(u, f, c, parse));
  }

  /**
   * "advance him", "reject her — not a fit", "把他推进到下一轮", "把第二个推进到一面": the message read as if the person
   * on the last card had been named, so the change rules answer it (a confirmation card, never a write) and so do the
   * refusals and negations ("don't reject her": nothing changed). Only when the reference is whom the message is
   * about, which a stand-in name tells: "reject Carol because she …" is about Carol. Several people on the card: which one is asked with their profiles
   * (whose buttons act); nobody: "which person?".
   */
  private static Optional<ParseResult> change(Utterance u, Conversation c, Function<String, ParseResult> parse) {
    String typed = ChineseScript.toSimplified(u.original());
    if (!CHANGE.on(typed).find()) {
      return Optional.empty();
    }
    Matcher m = REFERENCE.on(typed);
    if (!m.find()) {
      return Optional.empty();
    }
    int start = m.start();
    int end = m.end();
    String position = firstGroup(m);
    if (!names(parse.apply(named(typed, start, end, STAND_IN)), STAND_IN)) {
      return Optional.empty();
    }
    List<Conversation.Person> people = people(c);
    Conversation.Person person = null;
    if (!position.isEmpty()) {
      int n = positionOf(position, people.size());
      person = n >= 1 && n <= people.size() ? people.get(n - 1) : null;
    } else if (people.size() == 1) {
      person = people.get(0);
    }
    if (person == null || person.name().isEmpty()) {
      return Optional.of(new ParseResult.Parsed(whichOf(people), u.language()));
    }
    ParseResult read = parse.apply(named(typed, start, end, person.name()));
    return Optional.of(read instanceof ParseResult.Parsed p ? new ParseResult.Parsed(p.command(), u.language()) : read);
  }

  private static String named(String text, int start, int end, String name) {
    return text.substring(0, start) + spaced(text, start, name, end) + text.substring(end);
  }

  /** Whether the reading is about {@code name}: the change's person, the profile asked for, or the suggestion's. */
  private static boolean names(ParseResult read, String name) {
    if (read instanceof ParseResult.Unknown unknown) {
      return unknown.suggestion().contains(name);
    }
    Command command = ((ParseResult.Parsed) read).command();
    return command instanceof Command.Change change && change.person().equals(name)
        || command instanceof Command.Negated negated && negated.person().equals(name)
        || command instanceof Command.ShowProfile p && p.name().equals(name)
        || command instanceof Command.WhereIs w && w.name().equals(name);
  }

  /** The name in the place of the reference, with spaces where Latin words would otherwise run together. */
  private static String spaced(String text, int start, String name, int end) {
    boolean before = start > 0 && Character.isLetterOrDigit(text.charAt(start - 1));
    boolean after = end < text.length() && Character.isLetterOrDigit(text.charAt(end));
    return (before ? " " : "") + name + (after ? " " : "");
  }

  /** The people a reference can mean: the card's rows, or the one person a profile or "where is" was about. */
  private static List<Conversation.Person> people(Conversation c) {
    if (!c.people().isEmpty()) {
      return c.people();
    }
    if (c.shown() instanceof Command.ShowProfile p && !p.name().isEmpty()) {
      return List.of(new Conversation.Person(p.talentId(), p.name(), ""));
    }
    if (c.shown() instanceof Command.WhereIs w) {
      return List.of(new Conversation.Person("", w.name(), ""));
    }
    return List.of();
  }

  private static Optional<Command> page(String f, Conversation c) {
    boolean back = BACK.on(f).matches();
    if (back && c.paged() != null && c.paged().back() != null) {
      // A profile opened from a list: the list again, as its Back button shows it (not the profile's page before).
      return Optional.of(new Command.GoBack(c.paged()));
    }
    int page;
    Matcher m;
    if (NEXT.on(f).matches()) {
      page = currentPage(c) + 1;
    } else if (back || PREVIOUS.on(f).matches()) {
      page = Math.max(0, currentPage(c) - 1);
    } else if (LAST.on(f).matches()) {
      page = Command.LAST_PAGE;
    } else if ((m = PAGE.on(f)).matches()) {
      page = number(m.group(1) != null ? m.group(1) : m.group(2)) - 1;
    } else {
      return Optional.empty();
    }
    Command.ShowCandidates list = list(c);
    if (list != null) {
      return Optional.of(new Command.ShowCandidates(list.jobQuery(), list.stageQuery(), list.appliedSince(), page));
    }
    // Any other card with a pager pages as its pager does; with none, which job's list is asked, saying why.
    return Optional.of(c.paged() != null ? new Command.TurnPage(c.paged(), page)
        : new Command.AskWhich(Command.AskWhich.Subject.PAGE, new Command.ShowCandidates("", "", null, 0)));
  }

  private static Optional<Command> stage(String f, Conversation c, Lexicon lexicon) {
    if (ALL_STAGES.on(f).matches()) {
      return Optional.of(filtered("", c));
    }
    Matcher m = STAGE.on(f);
    if (!m.matches() && !c.job().isEmpty()) {
      m = PEOPLE_IN.on(f);
    }
    String stage = m.matches() ? knownStage(firstGroup(m), lexicon) : null;
    return stage == null ? Optional.empty() : Optional.of(filtered(stage, c));
  }

  /** The last card's list (or its job's list) in {@code stage} ("" for every stage), from its first page. */
  private static Command filtered(String stage, Conversation c) {
    Command.ShowCandidates list = list(c);
    if (list == null && !c.job().isEmpty()) {
      list = new Command.ShowCandidates(c.job());
    }
    return list == null ? askJob(new Command.ShowCandidates("", stage, null, 0))
        : new Command.ShowCandidates(list.jobQuery(), stage, list.appliedSince(), 0);
  }

  private static Optional<Command> otherJob(String f, Conversation c, Lexicon lexicon) {
    Matcher m = OTHER.on(f);
    if (!m.matches()) {
      return Optional.empty();
    }
    String named = firstGroup(m).strip();
    String stage = knownStage(named, lexicon);
    if (stage != null) {
      return Optional.of(filtered(stage, c));
    }
    Optional<String> job = jobAlone(named, lexicon);
    Command shown = c.shown();
    boolean aboutAJob = shown instanceof Command.ShowCandidates || shown instanceof Command.CountCandidates
        || shown instanceof Command.ShowPipeline || shown instanceof Command.ListOffers;
    if (job.isEmpty()) {
      // "same for sales manager" when the tenant has no such job: the same question, whose answer then says no job
      // matches and offers the closest, instead of not understanding; only asked that way, and never for a person
      // on the card ("what about Carol Wu").
      return aboutAJob && SUBSTITUTE.on(f).matches() && !onCard(named, c) ? Optional.of(sameFor(shown, named))
          : Optional.empty();
    }
    if (aboutAJob) {
      return Optional.of(sameFor(shown, job.get()));
    }
    // A job named alone, after nothing about a job: which of the job's views is meant?
    return Optional.of(new Command.Clarify(List.of(new Command.ShowCandidates(job.get()),
        new Command.ShowPipeline(job.get()), new Command.ListOffers(job.get()))));
  }

  /** The question {@code shown} asked, for another job (a candidates list from its first page). */
  private static Command sameFor(Command shown, String job) {
    Command same = withJob(shown, job);
    return same instanceof Command.ShowCandidates s
        ? new Command.ShowCandidates(s.jobQuery(), s.stageQuery(), s.appliedSince(), 0) : same;
  }

  private static boolean onCard(String named, Conversation c) {
    String name = Lexicon.fold(named);
    return people(c).stream().anyMatch(p -> !p.name().isEmpty() && Lexicon.fold(p.name()).equals(name));
  }

  private static Optional<Command> person(String f, Conversation c) {
    Matcher m = ORDINAL.on(f);
    if (m.matches()) {
      List<Conversation.Person> people = c.people();
      int n = position(m, people.size());
      if (n >= 1 && n <= people.size()) {
        return Optional.of(profile(people.get(n - 1)));
      }
      return Optional.of(whichOf(people));
    }
    if (!PRONOUN.on(f).matches()) {
      return Optional.empty();
    }
    List<Conversation.Person> people = people(c);
    if (people.size() == 1) {
      return Optional.of(profile(people.get(0)));
    }
    return Optional.of(whichOf(people));
  }

  /** "offers for that job", "这个职位的漏斗": the message read with the last card's job in the place of the pointer. */
  private static Optional<ParseResult> thatJob(Utterance u, String f, Conversation c,
      Function<String, ParseResult> parse) {
    Matcher m = THAT_JOB.on(f);
    if (!m.find() || (m.group().equals("it") && c.job().isEmpty())) {
      return Optional.empty();
    }
    String job = c.job();
    ParseResult read = parse.apply(m.replaceFirst(" " + (job.isEmpty() ? NO_JOB : job) + " ").strip());
    if (!(read instanceof ParseResult.Parsed p) || withJob(p.command(), "") == null) {
      return Optional.empty();
    }
    Command command = job.isEmpty() ? askJob(withJob(p.command(), "")) : p.command();
    return Optional.of(new ParseResult.Parsed(command, u.language()));
  }

  /**
   * {@code command} about {@code job} instead (a list keeps its filter, from its first page); null for a command
   * about no job.
   */
  static Command withJob(Command command, String job) {
    if (command instanceof Command.ShowCandidates c) {
      return new Command.ShowCandidates(job, c.stageQuery(), c.appliedSince(), c.page());
    }
    if (command instanceof Command.CountCandidates c) {
      return new Command.CountCandidates(new Command.ShowCandidates(job, c.list().stageQuery(),
          c.list().appliedSince(), 0));
    }
    if (command instanceof Command.ShowPipeline) {
      return new Command.ShowPipeline(job);
    }
    if (command instanceof Command.ListOffers o) {
      return new Command.ListOffers(job, o.pending());
    }
    return null;
  }

  private static Command askJob(Command template) {
    return new Command.AskWhich(Command.AskWhich.Subject.JOB, template);
  }

  private static Command.ShowProfile profile(Conversation.Person p) {
    return new Command.ShowProfile(p.name(), p.talentId());
  }

  /** Several people on the card and no telling which: one button per person. */
  /**
   * "Which of them?" with their profiles to pick from, for a reference that named none of the card's people; with
   * fewer than two there is nothing to pick ("the second one" of a card showing one person): "Which person?".
   */
  private static Command whichOf(List<Conversation.Person> people) {
    if (people.size() < 2) {
      return new Command.AskWhich(Command.AskWhich.Subject.PERSON, null);
    }
    return new Command.Clarify(people.stream().limit(MAX_PEOPLE_ASKED).map(FollowUps::profile)
        .map(Command.class::cast).toList());
  }

  /** The list the last card showed (a count shows its list too); null when it showed none. */
  private static Command.ShowCandidates list(Conversation c) {
    if (c.shown() instanceof Command.ShowCandidates s) {
      return s;
    }
    return c.shown() instanceof Command.CountCandidates count ? count.list() : null;
  }

  /** The page the last card shows: its list's, or its pager's. */
  private static int currentPage(Conversation c) {
    Command.ShowCandidates list = list(c);
    return list != null ? list.page() : c.paged() != null ? c.paged().page() : 0;
  }

  /** A stage of the tenant's processes or a kind of stage, as the handler's stage matcher takes it; else null. */
  private static String knownStage(String typed, Lexicon lexicon) {
    String s = typed.strip();
    if (s.isEmpty()) {
      return null;
    }
    String kind = Cues.STAGE_KINDS.get(s);
    if (kind != null) {
      return kind;
    }
    return lexicon.stageNames().contains(s) ? s : null;
  }

  /** The job the words name and nothing else, as a command names it (its code when only one job fits). */
  static Optional<String> jobAlone(String words, Lexicon lexicon) {
    EntityText text = new EntityText(words);
    Optional<JobFinder.Found> found = JobFinder.find(text, lexicon);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    found.get().spans().forEach(text::take);
    text.takeAll(Cues.JOBS);
    text.takeAll(Cues.STOP);
    return text.rest().isEmpty() ? Optional.of(found.get().query()) : Optional.empty();
  }

  private static int position(Matcher m, int size) {
    String word = firstGroup(m);
    return word.isEmpty() ? 0 : positionOf(word, size);
  }

  /** 1 for "first", "1st", "一", …; {@code size} for "last" / "最后一". */
  private static int positionOf(String word, int size) {
    String w = word.toLowerCase(java.util.Locale.ROOT);
    if (w.equals("last") || w.equals("最后一")) {
      return size;
    }
    int ordinal = ORDINALS.indexOf(w);
    return ordinal >= 0 ? ordinal + 1 : number(w.replaceAll("(?:st|nd|rd|th)$", ""));
  }

  private static int number(String digits) {
    if (digits.equals("两")) {
      return 2;
    }
    int chinese = CHINESE_DIGITS.indexOf(digits);
    return chinese >= 0 ? chinese + 1 : Integer.parseInt(digits);
  }

  private static String firstGroup(Matcher m) {
    for (int g = 1; g <= m.groupCount(); g++) {
      if (m.group(g) != null) {
        return m.group(g);
      }
    }
    return "";
  }

  private static ReusableMatcher whole(String alternatives) {
    return ReusableMatcher.compile(POLITE + "(?:" + alternatives + ")" + TAIL, 0);
  }
}

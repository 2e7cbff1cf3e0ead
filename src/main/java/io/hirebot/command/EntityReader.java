package io.hirebot.command;

import io.hirebot.i18n.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Entity-first understanding: finds what a message names (a job, a stage, a period, a page, a person) against
 * the tenant's {@link Lexicon}, then reads the intent from cue words ("how many", "where is", "候选人", "漏斗").
 * Pure: the lexicon is a snapshot, the person is a name as typed (the handler looks it up).
 */
final class EntityReader {

  private static final Pattern PAGE = Pattern.compile(
      "(?:page|p\\.?) ?(\\d{1,3})\\b|第 ?(\\d{1,3}|[一二三四五六七八九十]) ?页");
  private static final Pattern MENTION = Pattern.compile("@\\S+");
  private static final String CHINESE_DIGITS = "一二三四五六七八九十";
  private static final Set<String> COMPOUND_SURNAMES = Set.of("欧阳", "司马", "上官", "诸葛", "东方", "慕容", "令狐");
  private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
      + "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严"
      + "覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌"
      + "毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚"
      + "岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";

  private EntityReader() {}

  /** The reading of the utterance, or empty when it names nothing the reader can act on. */
  static Optional<ParseResult> read(Utterance utterance, Lexicon lexicon) {
    String cased = MENTION.matcher(utterance.text()).replaceAll(" ").replaceAll("\\s+", " ").strip();
    String folded = Lexicon.fold(cased);
    if (folded.length() != cased.length()) {
      cased = folded; // a case fold changed the length: names keep their lower case rather than shift
    }
    EntityText text = new EntityText(folded);
    Language language = utterance.language();
    Reading r = new Reading();
    r.period = period(text);
    r.page = page(text);
    text.takeAll(Cues.WRITE).forEach(s -> r.write = true);
    JobFinder.find(text, lexicon).ifPresent(found -> {
      r.job = found;
      found.spans().forEach(text::take);
    });
    // "Jordan" alone: the job Jordan Fellowship, or a person called Jordan?
    Name jobName = r.job == null || r.job.whole() ? null : person(r.job.spans(), cased);
    r.jobAsName = jobName == null || jobName.spans().size() != r.job.spans().size() ? null : jobName.text();
    r.stage = stage(text, lexicon);
    if (r.job == null) {
      // Without a job a stage filters nothing; an interview word then asks for the interview schedule.
      r.interview = Cues.STAGE_KINDS.getOrDefault(r.stage, "").equals("interview") || r.stage.equals("面试");
      r.stage = "";
    }
    r.howMany = !text.takeAll(Cues.HOW_MANY).isEmpty();
    r.where = !text.takeAll(Cues.WHERE).isEmpty();
    r.pipeline = !text.takeAll(Cues.PIPELINE).isEmpty();
    r.offers = !text.takeAll(Cues.OFFERS).isEmpty();
    r.interview |= !text.takeAll(Cues.INTERVIEW).isEmpty();
    r.jobs = !text.takeAll(Cues.JOBS).isEmpty();
    r.profile = !text.takeAll(Cues.PROFILE).isEmpty();
    r.candidates = !text.takeAll(Cues.CANDIDATES).isEmpty();
    r.mine = !text.takeAll(Cues.MINE).isEmpty();
    r.pending = !text.takeAll(Cues.PENDING).isEmpty();
    text.takeAll(Cues.STOP);
    List<EntityText.Span> rest = text.rest();
    Name name = person(rest, cased);
    if (name != null && r.jobAsName != null) {
      // "Jordan Smith": the job's word and the words after it are one name, not the job Jordan Fellowship.
      List<EntityText.Span> joined = new ArrayList<>(r.job.spans());
      joined.addAll(name.spans());
      joined.sort(java.util.Comparator.comparingInt(EntityText.Span::start));
      Name whole = person(joined, cased);
      if (whole != null && whole.spans().size() == joined.size()) {
        name = whole;
        rest = joined;
        r.job = null;
        r.jobAsName = null;
        r.stage = "";
      }
    }
    r.person = name == null ? null : name.text();
    r.namedAlone = name != null && name.spans().size() == rest.size()
        && (name.spans().size() > 1 || name.text().codePoints().anyMatch(EntityText::isHan));
    r.leftover = name == null ? !rest.isEmpty() : name.spans().size() < rest.size();
    return decide(r, utterance, language);
  }

  /** What was found in one message. */
  private static final class Reading {
    Period period;
    int page;
    JobFinder.Found job;
    String stage = "";
    String person;
    String jobAsName;
    /** The whole message is a name of two words or a Chinese name: a single word could be anything. */
    boolean namedAlone;
    boolean write;
    boolean howMany;
    boolean where;
    boolean pipeline;
    boolean offers;
    boolean interview;
    boolean jobs;
    boolean profile;
    boolean candidates;
    boolean mine;
    boolean pending;
    boolean leftover;

    boolean anyCue() {
      return howMany || where || pipeline || offers || interview || jobs || profile || candidates;
    }
  }

  private static Optional<ParseResult> decide(Reading r, Utterance u, Language language) {
    String jobQuery = r.job == null ? null : r.job.query();
    if (r.write) {
      // Nothing typed becomes a write: point at the card whose buttons do it, behind their guard.
      Command closest = r.person != null ? new Command.ShowProfile(r.person)
          : jobQuery != null ? new Command.ShowCandidates(jobQuery) : null;
      return Optional.of(unknown(u, closest));
    }
    if ((r.where || r.pipeline) && r.person != null && jobQuery == null) {
      return parsed(new Command.WhereIs(r.person), language);
    }
    if (r.where && r.jobAsName != null && !r.candidates) {
      return parsed(new Command.Clarify(List.of(new Command.ShowPipeline(jobQuery), new Command.WhereIs(r.jobAsName))),
          language);
    }
    boolean asked = r.profile || r.candidates || r.namedAlone;
    if (jobQuery == null && r.person != null && asked && !r.howMany && !r.jobs && !r.offers) {
      return parsed(new Command.ShowProfile(r.person), language);
    }
    String stage = r.stage;
    Command.ShowCandidates list = jobQuery == null ? null
        : new Command.ShowCandidates(jobQuery, stage, r.period, Math.max(0, r.page - 1));
    if (r.howMany) {
      if (list != null && !r.offers && (r.candidates || !r.jobs)) {
        return parsed(new Command.CountCandidates(list), language);
      }
      if (r.offers) {
        return parsed(new Command.ListOffers(jobQuery == null ? "" : jobQuery, r.pending), language);
      }
      if (r.jobs) {
        return parsed(new Command.ListJobs(""), language);
      }
      if (r.interview) {
        return parsed(new Command.ListInterviews(r.period == null ? Period.UPCOMING : r.period, r.mine), language);
      }
      return Optional.empty();
    }
    if (r.offers && r.stage.isEmpty()) {
      return parsed(new Command.ListOffers(jobQuery == null ? "" : jobQuery, r.pending), language);
    }
    if ((r.pipeline || r.where) && jobQuery != null && !r.candidates) {
      return parsed(new Command.ShowPipeline(jobQuery), language);
    }
    if (list != null) {
      if (r.jobs && !r.candidates && stage.isEmpty()) {
        return parsed(new Command.ListJobs(r.job.job() == null ? jobQuery : String.join(" ",
            r.job.spans().stream().map(EntityText.Span::text).toList())), language);
      }
      if (r.candidates || r.interview || !stage.isEmpty() || r.period != null || r.page > 0 || r.profile) {
        return parsed(list, language);
      }
      if (r.leftover && !r.anyCue()) {
        return Optional.of(unknown(u, list));
      }
      if (r.jobAsName != null && !r.anyCue()) {
        return parsed(new Command.Clarify(List.of(list, new Command.ShowProfile(r.jobAsName))), language);
      }
      return parsed(list, language);
    }
    if (r.candidates && r.person == null) {
      return Optional.empty(); // candidates of no job: the grammar's "which job?" answers
    }
    if (r.jobs) {
      return parsed(new Command.ListJobs(""), language);
    }
    if (r.interview) {
      return parsed(new Command.ListInterviews(r.period == null ? Period.UPCOMING : r.period, r.mine), language);
    }
    return Optional.empty();
  }

  /** Whether the message asks for a write ("reject", "推进"), which typing never does. */
  static boolean asksForWrite(Utterance utterance) {
    return !EntityText.occurrences(Lexicon.fold(utterance.text()), Cues.WRITE).isEmpty();
  }

  /** Whether {@code typed} begins with a chat setting's word ({@link Cues#SETTINGS}). */
  static boolean startsWithSetting(String typed) {
    return EntityText.occurrences(Lexicon.fold(typed), Cues.SETTINGS).stream().anyMatch(span -> span.start() == 0);
  }

  /** A jobs keyword without the words around it ("现在在招哪些" → "", "any engineering" → "engineering"). */
  static String keyword(String typed) {
    EntityText text = new EntityText(Lexicon.fold(typed));
    text.takeAll(Cues.JOBS);
    text.takeAll(Cues.HOW_MANY);
    text.takeAll(Cues.STOP);
    return String.join(" ", text.rest().stream().map(EntityText.Span::text).toList());
  }

  private static Optional<ParseResult> parsed(Command command, Language language) {
    return Optional.of(new ParseResult.Parsed(command, language));
  }

  private static ParseResult unknown(Utterance u, Command closest) {
    return new ParseResult.Unknown(u.original(),
        closest == null ? "" : CommandPhrases.canonical(closest, u.language()), u.language());
  }

  private static Period period(EntityText text) {
    for (EntityText.Span span : text.takeAll(PeriodWords.WORDS)) {
      return PeriodWords.of(span.text()).orElse(null);
    }
    return null;
  }

  private static int page(EntityText text) {
    Matcher m = PAGE.matcher(text.text());
    if (!m.find()) {
      return 0;
    }
    text.take(new EntityText.Span(m.start(), m.end(), m.group()));
    String digits = m.group(1) != null ? m.group(1) : m.group(2);
    int chinese = CHINESE_DIGITS.indexOf(digits);
    return chinese >= 0 ? chinese + 1 : Integer.parseInt(digits);
  }

  /** A stage of the tenant's processes, or a kind of stage, named where a stage can be meant. */
  private static String stage(EntityText text, Lexicon lexicon) {
    for (EntityText.Span span : EntityText.occurrences(text.text(), lexicon.stageNames())) {
      if (text.free(span) && (!span.text().contains("offer") || Cues.stageContext(text.text(), span))) {
        text.take(span);
        return span.text();
      }
    }
    for (EntityText.Span span : EntityText.occurrences(text.text(), Cues.STAGE_KINDS.keySet())) {
      if (text.free(span) && (!span.text().equals("offer") || Cues.stageContext(text.text(), span))) {
        text.take(span);
        return Cues.STAGE_KINDS.get(span.text());
      }
    }
    return "";
  }

  /** Lower-case words inside family names: "María de la Cruz", "Ludwig van Beethoven", "Omar bin Laden". */
  private static final java.util.Set<String> NAME_PARTICLES = java.util.Set.of("de", "la", "del", "della", "da", "das",
      "do", "dos", "di", "du", "van", "von", "der", "den", "ten", "ter", "le", "y", "bin", "binti", "ibn", "al", "el");

  /**
   * A name in what is left: one Chinese run of two to four characters after a common surname, or the longest run of
   * adjacent capitalised Latin words, with the lower-case particles of family names between them ("Fernández de la
   * Cruz", "van der Berg"); null when there is none.
   */
  static Name person(List<EntityText.Span> rest, String cased) {
    Name best = null;
    for (EntityText.Span span : rest) {
      String han = span.text();
      if (han.codePoints().allMatch(EntityText::isHan) && han.length() >= 2 && han.length() <= 4
          && (SURNAMES.indexOf(han.charAt(0)) >= 0 || COMPOUND_SURNAMES.contains(han.substring(0, 2)))
          && !Cues.NOT_NAMES.contains(han)) {
        if (best != null) {
          return null; // two Chinese names: not one person
        }
        best = new Name(han, List.of(span));
      }
    }
    if (best != null) {
      return best;
    }
    List<EntityText.Span> run = new ArrayList<>();
    for (EntityText.Span span : rest) {
      String word = cased.substring(span.start(), span.end());
      boolean capitalised = Character.isUpperCase(word.charAt(0)) && word.chars().allMatch(Character::isLetter)
          && !word.equals(word.toUpperCase(java.util.Locale.ROOT)) && !JobWords.isJobWord(span.text());
      boolean adjacent = run.isEmpty() || cased.substring(run.get(run.size() - 1).end(), span.start()).isBlank();
      if (capitalised && !adjacent) {
        run = new ArrayList<>();
      }
      if (!capitalised && !run.isEmpty() && adjacent && NAME_PARTICLES.contains(word)) {
        run.add(span); // part of the name only if a capitalised word follows: best is not moved to it
      } else if (capitalised) {
        run.add(span);
        if (best == null || run.size() > best.spans().size()) {
          best = new Name(String.join(" ", run.stream().map(s -> cased.substring(s.start(), s.end())).toList()),
              List.copyOf(run));
        }
      } else {
        run = new ArrayList<>();
      }
    }
    return best;
  }

  /** A person's name as typed, and where it stands in the message. */
  record Name(String text, List<EntityText.Span> spans) {}

  /** Whether the text alone reads as a person's name. */
  static boolean isName(String typed) {
    String folded = Lexicon.fold(typed);
    if (folded.length() != typed.length()) {
      return false;
    }
    EntityText text = new EntityText(folded);
    List<EntityText.Span> rest = text.rest();
    Name name = person(rest, typed);
    return name != null && name.spans().size() == rest.size();
  }
}

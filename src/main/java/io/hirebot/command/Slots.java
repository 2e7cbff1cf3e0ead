package io.hirebot.command;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Cleans the free-text argument of a command (a job query, a keyword) and rejects what cannot be one. */
final class Slots {

  /** First words of commands still to come; "pipeline candidates for X" must not become a job called "pipeline". */
  static final Set<String> RESERVED_COMMAND_WORDS = Set.of(
      "pipeline", "funnel", "interviews", "offers", "subscribe", "unsubscribe", "subscriptions", "digest",
      "candidates", "applicants", "candidate", "jobs");

  /** Words that are grammar, not an argument, when they are all that is left. */
  private static final Set<String> NOT_AN_ARGUMENT = Set.of(
      "job", "jobs", "position", "positions", "role", "the", "for", "of", "to", "with", "职位", "岗位", "的",
      "candidate", "候选人", "应聘者", "人才");

  /** Single-word fillers whose misspellings ("shwo") must not pass for a job name or keyword. */
  private static final List<String> MISSPELLABLE_FILLERS = List.of("show", "list", "please");

  private static final Pattern JOB_PREFIX =
      Pattern.compile("^(?:(?:the )?(?:job|position|role) |the |(?:职位|岗位) ?)", Grammar.FLAGS);
  private static final Pattern JOB_SUFFIX = Pattern.compile("(?: (?:job|position|role)| ?(?:职位|岗位|的))$", Grammar.FLAGS);
  private static final Pattern KEYWORD_PREFIX =
      Pattern.compile("^(?:(?:for|with|matching|about|named|called|like) |(?:关于|包含) ?)", Grammar.FLAGS);
  private static final Pattern STAGE_PREFIX = Pattern.compile("^(?:(?:the )?stage |the )", Grammar.FLAGS);
  private static final Pattern STAGE_SUFFIX = Pattern.compile("(?: stage| ?(?:阶段|环节|的))$", Grammar.FLAGS);
  private static final Pattern KEYWORD_SUFFIX = Pattern.compile(" ?(?:相关的|相关|的)$", Grammar.FLAGS);

  /** Words that make an argument a job rather than a person: "候选人 后端" lists a job, "候选人 张三" is a profile. */
  static final List<String> JOB_WORDS = List.of(
      "工程师", "开发", "研发", "经理", "设计", "运营", "产品", "后端", "前端", "后台", "数据", "算法", "测试", "销售",
      "市场", "实习", "专员", "主管", "总监", "分析", "科学家", "架构", "职位", "岗位", "财务", "法务", "客服", "人力",
      "招聘", "专家", "顾问", "助理", "编辑", "策划", "技术", "负责人", "校招", "社招", "管培", "工程");
  private static final Pattern JOB_WORD_EN = Pattern.compile(
      "\\b(?:engineers?|developers?|dev|managers?|designers?|analysts?|scientists?|interns?|lead|head|director|"
          + "specialists?|backend|frontend|back-end|front-end|data|product|sales|marketing|ops|operations|qa|test|"
          + "recruiters?|consultants?|architects?|devops|sre|job|position|role|engineering)\\b", Grammar.FLAGS);
  private static final Pattern HAS_DIGIT = Pattern.compile("\\d");
  /**
   * A name has a few parts ("Maria Guadalupe Fernández de la Cruz Rodríguez" has seven); more words, more characters
   * or, written without spaces, more than {@link #MAX_UNSPACED_NAME_LENGTH} characters are a sentence the grammar
   * misread.
   */
  static final int MAX_NAME_WORDS = 8;
  static final int MAX_NAME_LENGTH = 80;
  static final int MAX_UNSPACED_NAME_LENGTH = 40;

  private Slots() {}

  /** Whether an argument names a job (a job word, or a code such as BE-001) rather than a person. */
  static boolean looksLikeJob(String argument) {
    return JOB_WORDS.stream().anyMatch(argument::contains) || JOB_WORD_EN.matcher(argument).find()
        || HAS_DIGIT.matcher(argument).find();
  }

  /** A talent's name as typed, without quotes; empty when it is missing, a job, or not a name at all. */
  static Optional<String> personName(String raw) {
    String name = TextNormalizer.trimPunctuation(raw);
    boolean missing = name.isEmpty() || NOT_AN_ARGUMENT.contains(lower(name)) || !nameSized(name);
    if (missing || looksLikeJob(name) || name.contains("的") || name.startsWith("列表") || name.startsWith("名单")) {
      return Optional.empty();
    }
    return plausible(name) ? Optional.of(name) : Optional.empty();
  }

  private static boolean nameSized(String name) {
    int words = name.split(" ").length;
    return words <= MAX_NAME_WORDS && name.length() <= (words == 1 ? MAX_UNSPACED_NAME_LENGTH : MAX_NAME_LENGTH);
  }

  /** A job query for an optional job ("offers", "offers for X"): "" when absent, empty when not a job. */
  static Optional<String> optionalJobQuery(String raw) {
    return TextNormalizer.trimPunctuation(raw).isEmpty() ? Optional.of("") : jobQuery(raw);
  }

  /** A stage as the user named it, without a "stage"/"阶段" word; empty if none. */
  static Optional<String> stageQuery(String raw) {
    String stage = clean(raw, STAGE_PREFIX, STAGE_SUFFIX);
    return stage.isEmpty() || NOT_AN_ARGUMENT.contains(lower(stage)) ? Optional.empty() : Optional.of(stage);
  }

  /** The job as the user named it (code, name or part of one), without a "job"/"职位" word or quotes; empty if none. */
  static Optional<String> jobQuery(String raw) {
    String query = clean(raw, JOB_PREFIX, JOB_SUFFIX);
    boolean missing = query.isEmpty() || NOT_AN_ARGUMENT.contains(lower(query)) || query.startsWith("的");
    return missing || !plausible(query) ? Optional.empty() : Optional.of(query);
  }

  /** The keyword to filter jobs by, "" for all jobs; empty when the text is not a jobs request after all. */
  static Optional<String> keyword(String raw) {
    String keyword = clean(raw, KEYWORD_PREFIX, KEYWORD_SUFFIX);
    if (NOT_AN_ARGUMENT.contains(lower(keyword))) {
      return Optional.of("");
    }
    return plausible(keyword) ? Optional.of(keyword) : Optional.empty();
  }

  private static String clean(String raw, Pattern prefix, Pattern suffix) {
    String current = TextNormalizer.trimPunctuation(raw);
    // Repeat because quotes and marker words can nest either way round: job "X" and "job X".
    while (true) {
      String withoutPrefix = prefix.matcher(current).replaceFirst("");
      String next = TextNormalizer.trimPunctuation(suffix.matcher(withoutPrefix).replaceFirst(""));
      if (next.equals(current) || next.isEmpty()) {
        return next;
      }
      current = next;
    }
  }

  private static boolean plausible(String argument) {
    String lower = lower(argument);
    String firstWord = lower.split(" ", 2)[0];
    return !RESERVED_COMMAND_WORDS.contains(firstWord) && !isMisspeltFiller(lower);
  }

  private static boolean isMisspeltFiller(String word) {
    return MISSPELLABLE_FILLERS.stream().anyMatch(filler -> Typos.isSlip(word, filler));
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}

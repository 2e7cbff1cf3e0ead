package io.hirebot.command;

import java.util.List;
import java.util.Map;

/**
 * Cue words that carry a message's intent once its entities are out, in English and Simplified Chinese
 * (Traditional is folded to Simplified before these are read). Lower case; Latin ones match whole words.
 */
final class Cues {

  /** Verbs that would change data: a typed message never does, it is pointed at the card's buttons instead. */
  static final List<String> WRITE = List.of("move", "moved", "advance", "reject", "hire", "delete", "remove", "drop",
      "decline", "promote", "send an offer", "send the offer", "send offer", "make an offer", "extend an offer",
      "terminate", "transfer", "推进", "淘汰", "拒绝", "删除", "移到", "转到", "挪到", "发offer", "发 offer", "录取",
      "移动到", "推到", "挂掉", "挂了", "终止");
  /**
   * Words that begin a chat setting (subscriptions, the digest, quiet hours, the time zone): a message that begins
   * with one and that the grammar's settings rows could not read is a setting typed wrong, not a question about jobs.
   * Not "follow": "follow up on the backend candidates" is a question.
   */
  static final List<String> SETTINGS = List.of("subscribe", "unsubscribe", "digest", "daily digest", "quiet",
      "timezone", "time zone", "订阅", "取消订阅", "摘要", "每日摘要", "免打扰", "时区");
  static final List<String> HOW_MANY = List.of("how many", "how much", "number of", "count of", "count", "多少",
      "几个", "几位", "几场", "几人", "一共", "总共", "总数");
  static final List<String> WHERE = List.of("where is", "where's", "wheres", "where are", "what stage is",
      "which stage is", "what stage", "which stage", "status of", "到哪一步了", "到哪一步", "到哪了", "到哪", "在哪个阶段",
      "哪个阶段", "什么阶段", "进展到哪", "进行到哪", "面到第几轮", "第几轮", "面到哪了", "面到哪");
  static final List<String> PIPELINE = List.of("pipeline", "funnel", "conversion", "progress", "how's hiring going",
      "how is hiring going", "hiring going", "how's", "how is", "going", "doing", "status", "漏斗", "进度", "进展",
      "转化率", "转化", "情况", "怎么样", "如何");
  static final List<String> OFFERS = List.of("offers", "offer", "录用", "发了哪些offer");
  /** Words that ask for the offers still open rather than every offer (read only with an offer word). */
  static final List<String> PENDING = List.of("pending", "outstanding", "still open", "open", "in progress",
      "ongoing", "unsigned", "待处理", "进行中", "未完成", "未结束", "处理中", "在途");
  static final List<String> INTERVIEW = List.of("interviews", "interview", "interviewing", "面试");
  static final List<String> JOBS = List.of("jobs", "job", "roles", "role", "positions", "position", "openings",
      "opening", "vacancies", "hiring for", "职位", "岗位", "在招");
  static final List<String> PROFILE = List.of("profile", "resume", "cv", "pull up", "show me", "look at", "'s",
      "简历", "资料", "档案", "看看", "看一下", "发我看看");
  static final List<String> CANDIDATES = List.of("candidates", "candidate", "applicants", "applicant",
      "applications", "people", "person", "anyone", "anybody", "folks", "who", "who's", "whos", "applied", "apply",
      "候选人", "人选", "应聘者", "申请人", "谁", "哪些人", "有人", "的人", "投递", "投", "人");
  static final List<String> MINE = List.of("my", "mine", "me", "i", "i'm", "我的", "我");
  static final List<String> STOP = List.of("the", "a", "an", "for", "of", "to", "at", "in", "on", "is", "are",
      "was", "do", "does", "did", "we", "us", "our", "you", "any", "all", "some", "new", "got", "have", "has", "had",
      "there", "what", "what's", "whats", "which", "list", "show", "please", "pls", "thx", "thanks", "hey", "hi",
      "bot", "right", "now", "currently", "still", "only", "so", "far", "this", "that", "with", "from", "by", "and",
      "or", "about", "open", "available", "yet", "just", "total", "at the moment", "stage", "went out", "out",
      "pending", "scheduled", "calendar", "it", "be", "can", "could", "would", "tell", "give", "get", "see",
      "的", "了", "吗", "呢", "吧", "啊", "呀", "有", "都", "哪些", "有哪些", "那边", "这边", "现在", "目前", "一下", "请",
      "帮我", "给我", "看", "发我", "共", "在", "还", "的话", "是", "个", "开放", "哪", "什么", "多", "还有", "急", "那",
      "和", "把", "到", "给", "下", "我们", "招", "了吗", "阶段", "环节", "处于", "发了", "现", "场", "查", "一共有",
      "process", "the process", "next", "流程", "列表", "quick", "q", "question", "not", "enough", "experience",
      "note", "please", "again");
  /** Words that start with a common surname but are no one's name ("谢谢", "马上"). */
  static final java.util.Set<String> NOT_NAMES = java.util.Set.of("谢谢", "马上", "周末", "高兴", "方便", "白天",
      "黄金", "金额", "江湖", "安全", "于是", "常见", "文件", "项目", "程序", "华为", "和好", "万一", "时间", "任何",
      "明白", "左右", "任务", "龙虾", "童年", "林子");

  /** Kinds of stage as typed, to the stage query the handler matches against the job's process. */
  static final Map<String, String> STAGE_KINDS = Map.ofEntries(
      Map.entry("interviews", "interview"), Map.entry("interview", "interview"),
      Map.entry("interviewing", "interview"), Map.entry("面试", "面试"), Map.entry("screening", "screening"),
      Map.entry("初筛", "初筛"), Map.entry("筛选", "筛选"), Map.entry("笔试", "笔试"),
      Map.entry("written test", "written test"), Map.entry("offer", "offer"), Map.entry("onboarding", "onboarding"),
      Map.entry("待入职", "待入职"));

  private Cues() {}

  /** Whether an offer word at {@code span} names a stage ("in offer", "offer stage", "在 Offer 阶段"), not offers. */
  static boolean stageContext(String text, EntityText.Span span) {
    String before = text.substring(0, span.start()).strip();
    String after = text.substring(span.end()).strip();
    return before.endsWith(" in") || before.equals("in") || before.endsWith(" at") || before.endsWith("at the")
        || before.endsWith("在") || before.endsWith("处于") || before.endsWith("到") || after.startsWith("stage")
        || after.startsWith("阶段") || after.startsWith("环节");
  }
}

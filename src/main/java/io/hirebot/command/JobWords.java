package io.hirebot.command;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Job words in both languages mapped to one concept ("backend" = "后端" = BACKEND), so a job titled in one
 * language is found from words in the other. Generic concepts (engineer, manager) say little about which job.
 */
final class JobWords {

  /** Word (lower case, Simplified) → concept; Latin words match whole words, Chinese ones anywhere. */
  static final Map<String, String> WORDS = new LinkedHashMap<>();
  static final Set<String> GENERIC = Set.of("ENGINEER", "MANAGER", "SENIOR");

  static {
    put("BACKEND", "backend", "back-end", "back end", "后端", "后台", "服务端");
    put("FRONTEND", "frontend", "front-end", "front end", "前端", "web前端");
    put("DATA", "data", "数据");
    put("SCIENTIST", "scientist", "scientists", "science", "科学家");
    put("ANALYST", "analyst", "analysts", "analytics", "analysis", "分析师", "分析");
    put("PRODUCT", "product", "产品");
    put("MANAGER", "manager", "managers", "经理");
    put("ENGINEER", "engineer", "engineers", "engineering", "developer", "developers", "dev", "工程师", "开发", "研发");
    put("DESIGN", "designer", "designers", "design", "设计师", "设计", "交互", "视觉");
    put("SALES", "sales", "销售");
    put("MARKETING", "marketing", "市场", "营销");
    put("SOFTWARE", "software", "软件");
    put("CAMPUS", "campus", "graduate", "graduates", "new grad", "校招", "应届", "校园招聘");
    put("INTERN", "intern", "interns", "internship", "实习", "实习生");
    put("ALGORITHM", "algorithm", "algorithms", "算法");
    put("QA", "qa", "tester", "testing", "测试");
    put("OPERATIONS", "operations", "ops", "运营");
    put("SENIOR", "senior", "sr", "高级", "资深");
    put("HR", "hr", "人力", "人事");
    put("FINANCE", "finance", "财务");
    put("MOBILE", "mobile", "android", "ios", "移动端", "客户端");
  }

  private JobWords() {}

  private static void put(String concept, String... words) {
    for (String w : words) {
      WORDS.put(w, concept);
    }
  }

  /** Concepts a folded title names. */
  static Set<String> concepts(String folded) {
    Set<String> concepts = new HashSet<>();
    for (EntityText.Span span : find(folded)) {
      concepts.add(WORDS.get(span.text()));
    }
    return concepts;
  }

  /** Every occurrence of a job word in folded text, longest words first, never overlapping. */
  static List<EntityText.Span> find(String folded) {
    return EntityText.occurrences(folded, WORDS.keySet());
  }

  static boolean isJobWord(String folded) {
    return WORDS.containsKey(folded);
  }

  static double weight(String concept) {
    return GENERIC.contains(concept) ? 0.25 : 0.8;
  }
}

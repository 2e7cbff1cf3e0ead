package io.hirebot.hire;

/** A Feishu user as Hire names them (an interviewer, an offer owner), in both languages. */
public record Person(String id, String zhName, String enName) {
  /** The name in the given locale ("zh_cn" or "en_us"), falling back to the other one, then the id. */
  public String name(String feishuLocale) {
    String preferred = "zh_cn".equals(feishuLocale) ? zhName : enName;
    String other = "zh_cn".equals(feishuLocale) ? enName : zhName;
    if (preferred != null && !preferred.isBlank()) {
      return preferred;
    }
    return other != null && !other.isBlank() ? other : id;
  }
}

package io.hirebot.hire;

/** One step of a hiring process, with its names in both languages. */
public record Stage(String id, String zhName, String enName, StageType type) {
  /** The name in the given locale ("zh_cn" or "en_us"), falling back to the other one. */
  public String name(String feishuLocale) {
    boolean zh = "zh_cn".equals(feishuLocale);
    String preferred = zh ? zhName : enName;
    String other = zh ? enName : zhName;
    return preferred != null && !preferred.isBlank() ? preferred : (other == null ? id : other);
  }
}

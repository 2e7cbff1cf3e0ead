package io.hirebot.hire;

/**
 * A reason Hire accepts when an application is terminated.
 *
 * @param terminationType 1 we rejected the candidate, 22 the candidate declined, 27 other
 */
public record TerminationReason(String id, String zhName, String enName, int terminationType, boolean active) {
  public static final int WE_REJECTED = 1;

  public String name(String feishuLocale) {
    String preferred = "zh_cn".equals(feishuLocale) ? zhName : enName;
    String other = "zh_cn".equals(feishuLocale) ? enName : zhName;
    return preferred != null && !preferred.isBlank() ? preferred : (other == null ? id : other);
  }
}

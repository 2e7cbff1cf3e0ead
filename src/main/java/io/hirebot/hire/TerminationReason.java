package io.hirebot.hire;

/**
 * A reason Hire accepts when an application is terminated.
 *
 * @param terminationType 1 we rejected the candidate, 22 the candidate declined, 27 other
 */
public record TerminationReason(String id, String zhName, String enName, int terminationType, boolean active) {
  public static final int WE_REJECTED = 1;

  /** The reasons a rejection by the team may give: active ones of type {@link #WE_REJECTED}. */
  public static java.util.List<TerminationReason> rejections(java.util.List<TerminationReason> all) {
    return all.stream().filter(r -> r.active() && r.terminationType() == WE_REJECTED).toList();
  }

  public String name(String feishuLocale) {
    String preferred = "zh_cn".equals(feishuLocale) ? zhName : enName;
    String other = "zh_cn".equals(feishuLocale) ? enName : zhName;
    return preferred != null && !preferred.isBlank() ? preferred : (other == null ? id : other);
  }
}

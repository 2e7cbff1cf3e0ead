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

  /** Whether {@code text} names this reason, in either language or script ("经验不足，只做过外包" names 经验不足). */
  public boolean namedIn(String text) {
    String said = fold(text);
    return !said.isEmpty() && java.util.stream.Stream.of(zhName, enName).map(TerminationReason::fold)
        .anyMatch(n -> n.length() >= 2 && said.contains(n));
  }

  /**
   * Whether {@code text} says this reason and nothing more ("Not enough experience." for Not enough experience), so
   * that a card showing the reason need not quote it again.
   */
  public boolean restatedBy(String text) {
    String said = fold(text);
    return !said.isEmpty() && java.util.stream.Stream.of(zhName, enName).map(TerminationReason::fold)
        .anyMatch(said::equals);
  }

  /** The text as compared: simplified script, lower case, without spaces and punctuation. */
  private static String fold(String text) {
    return text == null ? "" : io.hirebot.i18n.ChineseScript.toSimplified(text).toLowerCase(java.util.Locale.ROOT)
        .replaceAll("[\\s\\p{P}]+", "");
  }

  public String name(String feishuLocale) {
    String preferred = "zh_cn".equals(feishuLocale) ? zhName : enName;
    String other = "zh_cn".equals(feishuLocale) ? enName : zhName;
    return preferred != null && !preferred.isBlank() ? preferred : (other == null ? id : other);
  }
}

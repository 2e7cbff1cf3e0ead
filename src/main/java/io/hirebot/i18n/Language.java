package io.hirebot.i18n;

/** The language a user wrote in; replies use the same one. */
public enum Language {
  EN("en_us"),
  ZH("zh_cn");

  private final String feishuLocale;

  Language(String feishuLocale) {
    this.feishuLocale = feishuLocale;
  }

  /** Feishu's locale key (card {@code i18n_content}, toast {@code i18n}). */
  public String feishuLocale() {
    return feishuLocale;
  }

  /** The language of a Feishu locale key; anything but zh_cn reads as English. */
  public static Language ofFeishuLocale(String locale) {
    return ZH.feishuLocale.equals(locale) ? ZH : EN;
  }
}

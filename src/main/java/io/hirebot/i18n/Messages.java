package io.hirebot.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Every sentence the bot shows users, one bundle per language ({@code i18n/messages_<locale>.properties}),
 * loaded once. A key missing from a bundle fails at start-up, never in front of a user.
 */
public final class Messages {
  private final Map<Language, Map<String, String>> bundles = new EnumMap<>(Language.class);
  /**
   * Each thread's parsed patterns, per language: parsing a pattern cost more than formatting it (bench/MessagesCost: a
   * plain {@code {0}} text 926 ns and 2.3 KB a call parsed each time, 381 ns and 1 KB parsed once), and a MessageFormat
   * may not be shared between threads. The bot formats on a few event-loop and worker threads; each keeps what it used.
   */
  private final ThreadLocal<Map<String, MessageFormat>[]> parsed = ThreadLocal.withInitial(Messages::emptyCache);

  private Messages() {}

  public static Messages load() {
    Messages m = new Messages();
    for (Language lang : Language.values()) {
      m.bundles.put(lang, read("i18n/messages_" + lang.feishuLocale() + ".properties"));
    }
    var en = m.bundles.get(Language.EN).keySet();
    for (Language lang : Language.values()) {
      var keys = m.bundles.get(lang).keySet();
      if (!keys.equals(en)) {
        throw new IllegalStateException("i18n bundle " + lang + " keys differ from en_us: "
            + symmetricDifference(keys, en));
      }
    }
    return m;
  }

  /**
   * The text for {@code key} with {@code {0}}-style arguments filled in; in Chinese, a text value that meets Chinese
   * words with Latin letters or digits is spaced from them ({@link ChineseSpacing}).
   */
  public String get(Language lang, String key, Object... args) {
    String pattern = bundles.get(lang).get(key);
    if (pattern == null) {
      throw new IllegalArgumentException("no message " + key);
    }
    if (args.length == 0) {
      return pattern;
    }
    MessageFormat format = parsed.get()[lang.ordinal()].computeIfAbsent(key, k -> new MessageFormat(pattern,
        locale(lang)));
    if (lang != Language.ZH) {
      return format.format(args);
    }
    Object[] marked = args.clone();
    for (int i = 0; i < marked.length; i++) {
      if (marked[i] instanceof CharSequence text) {
        marked[i] = ChineseSpacing.mark(text);
      }
    }
    return ChineseSpacing.space(format.format(marked));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, MessageFormat>[] emptyCache() {
    Map<String, MessageFormat>[] perLanguage = new Map[Language.values().length];
    for (int i = 0; i < perLanguage.length; i++) {
      perLanguage[i] = new HashMap<>();
    }
    return perLanguage;
  }

  /** {@code items} as a list in running text: "a, b, c" in English, "a、b、c" in Chinese. */
  public String list(Language lang, java.util.Collection<String> items) {
    return String.join(get(lang, "list.separator"), items);
  }

  public boolean has(Language lang, String key) {
    return bundles.get(lang).containsKey(key);
  }

  /** All texts of one language, for templates that reference them as {@code ${t.key}}. */
  public Map<String, String> all(Language lang) {
    return bundles.get(lang);
  }

  private static Locale locale(Language lang) {
    return lang == Language.ZH ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
  }

  private static Map<String, String> read(String resource) {
    try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing i18n bundle " + resource);
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, String> map = new LinkedHashMap<>();
      p.stringPropertyNames().stream().sorted().forEach(k -> map.put(k, p.getProperty(k)));
      return Map.copyOf(map);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String symmetricDifference(java.util.Set<String> a, java.util.Set<String> b) {
    var only = new java.util.TreeSet<String>();
    a.stream().filter(k -> !b.contains(k)).forEach(only::add);
    b.stream().filter(k -> !a.contains(k)).forEach(only::add);
    return only.toString();
  }
}

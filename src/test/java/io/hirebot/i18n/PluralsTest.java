package io.hirebot.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * English counts agree with their number ("1 application", "2 applications", "0 applications") through one
 * mechanism, MessageFormat's {@code {n,choice,0#…|1#…|1<…}} in the bundle; Chinese has no plural.
 */
class PluralsTest {
  /** Nouns the bot counts in English texts. */
  private static final String NOUNS = "applications?|candidates?|jobs?|interviews?|offers?|people|persons?|attempts?"
      + "|days?|hours?|minutes?|tasks?|tests?|notifications?|entries|entry|events?|chats?|talents?|items?";
  /** A bare count placeholder followed by a counted noun (with at most one adjective between). */
  private static final Pattern BARE_COUNT = Pattern.compile(
      "\\{(\\d)(,number(,integer)?)?}\\s+(more\\s+|active\\s+|new\\s+|overdue\\s+)?(" + NOUNS + ")\\b");
  private static final Pattern CHOICE = Pattern.compile("\\{(\\d),choice,");
  private static final Pattern ONE_PLURAL = Pattern.compile("(?<![\\d,.])1 (more |active |new |overdue )?("
      + "applications|candidates|jobs|interviews|offers|people|attempts|days|hours|minutes|tasks|tests"
      + "|notifications|entries|events|chats|talents|items)\\b");

  private final Messages messages = Messages.load();

  @Test
  @DisplayName("no English text shows a count next to a noun without choosing singular or plural")
  void everyEnglishCountChoosesItsPlural() {
    List<String> bare = new ArrayList<>();
    messages.all(Language.EN).forEach((key, pattern) -> {
      // The choice's own branches write "{0} jobs" for the plural case: only what is outside a choice counts.
      if (BARE_COUNT.matcher(outsideChoices(pattern)).find()) {
        bare.add(key + "=" + pattern);
      }
    });
    assertEquals(List.of(), bare, "count texts without a plural choice");
  }

  @Test
  @DisplayName("each English count text says 1 in the singular and 0, 2 and 1,200 in the plural")
  void choicesAgreeWithTheirNumber() {
    int checked = 0;
    for (Map.Entry<String, String> e : messages.all(Language.EN).entrySet()) {
      Matcher m = CHOICE.matcher(e.getValue());
      while (m.find()) {
        int arg = Integer.parseInt(m.group(1));
        for (long n : new long[] {0, 1, 2, 1200}) {
          String text = messages.get(Language.EN, e.getKey(), args(arg, n));
          assertFalse(ONE_PLURAL.matcher(text).find(), e.getKey() + " with " + n + ": " + text);
          assertFalse(text.contains("{"), e.getKey() + " with " + n + ": " + text);
          // One may be said without its number ("in the last minute"); the others always show theirs.
          if (n != 1) {
            assertTrue(text.contains(n == 1200 ? "1,200" : String.valueOf(n)) || text.contains("no "),
                e.getKey() + " with " + n + ": " + text);
          }
        }
        checked++;
      }
    }
    assertTrue(checked >= 20, "choices checked: " + checked);
  }

  @Test
  @DisplayName("the profile subtitle that said '1 applications': 1 application, 3 applications; 中文 1 个投递 as before")
  void profileSubtitle() {
    assertEquals("1 application", messages.get(Language.EN, "profile.subtitle", 1));
    assertEquals("3 applications", messages.get(Language.EN, "profile.subtitle", 3));
    assertEquals(messages.get(Language.ZH, "profile.subtitle", 1).replace('1', '3'),
        messages.get(Language.ZH, "profile.subtitle", 3), "Chinese has one form for every number");
  }

  /** Numbers for the arguments: the counted one is {@code n}, the others 7 (the texts mix counts and names). */
  private static Object[] args(int counted, long n) {
    Object[] a = new Object[10];
    for (int i = 0; i < a.length; i++) {
      a[i] = i == counted ? n : 7;
    }
    return a;
  }

  /** The pattern with every {@code {n,choice,…}} element removed (choices nest braces one level). */
  private static String outsideChoices(String pattern) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      Matcher m = CHOICE.matcher(pattern);
      if (!m.find(i)) {
        out.append(pattern, i, pattern.length());
        break;
      }
      out.append(pattern, i, m.start());
      int depth = 0;
      int j = m.start();
      for (; j < pattern.length(); j++) {
        char c = pattern.charAt(j);
        depth += c == '{' ? 1 : c == '}' ? -1 : 0;
        if (depth == 0) {
          break;
        }
      }
      out.append(" CHOICE ");
      i = j + 1;
    }
    return out.toString();
  }
}

package io.hirebot.bot;

import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What a click's toast says, in every language the bot speaks, and its kind. Feishu shows each clicker the text of
 * their client's language (the callback answer's {@code toast.i18n}); {@code content} is the card's language. Immutable.
 *
 * @param texts the text per language, one for each {@link Language}
 */
public record Toast(Type type, Map<Language, String> texts) {
  /** Feishu's toast kinds. */
  public enum Type { INFO, SUCCESS, ERROR, WARNING }

  /** Nothing to show: the callback answer carries no toast. */
  public static final Toast NONE = verbatim(Type.INFO, "");

  public Toast {
    EnumMap<Language, String> all = new EnumMap<>(Language.class);
    for (Language lang : Language.values()) {
      String text = texts.get(lang);
      if (text == null) {
        throw new IllegalArgumentException("toast without a " + lang.feishuLocale() + " text: " + texts);
      }
      all.put(lang, text);
    }
    texts = Map.copyOf(all);
  }

  /** The toast the text function writes in each language (for texts whose arguments differ by language too). */
  public static Toast of(Type type, Function<Language, String> text) {
    EnumMap<Language, String> texts = new EnumMap<>(Language.class);
    for (Language lang : Language.values()) {
      texts.put(lang, text.apply(lang));
    }
    return new Toast(type, texts);
  }

  /** The toast of message {@code key} in every language. */
  public static Toast of(Type type, Messages messages, String key, Object... args) {
    return of(type, lang -> messages.get(lang, key, args));
  }

  public static Toast info(Messages messages, String key, Object... args) {
    return of(Type.INFO, messages, key, args);
  }

  public static Toast success(Messages messages, String key, Object... args) {
    return of(Type.SUCCESS, messages, key, args);
  }

  public static Toast warning(Messages messages, String key, Object... args) {
    return of(Type.WARNING, messages, key, args);
  }

  public static Toast error(Messages messages, String key, Object... args) {
    return of(Type.ERROR, messages, key, args);
  }

  /**
   * The toast of a click on a pager: "Page 3"; or, when the click asked for a page past the list's end (the list
   * shrank since the card was sent) and its last page is shown instead, "That was the last page".
   *
   * @param asked the page the click asked for; {@code shown} the page shown (both from 0)
   */
  public static Toast page(Messages messages, int asked, int shown) {
    return asked > shown ? info(messages, "toast.lastPage") : info(messages, "toast.page", shown + 1);
  }

  /** The same text in every language: text that exists in one language only (a reply written for the clicker). */
  public static Toast verbatim(Type type, String text) {
    return of(type, lang -> text == null ? "" : text);
  }

  public String text(Language lang) {
    return texts.get(lang);
  }

  /** Whether there is nothing to show, in any language. */
  public boolean isEmpty() {
    return texts.values().stream().allMatch(String::isEmpty);
  }
}

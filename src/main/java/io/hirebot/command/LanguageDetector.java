package io.hirebot.command;

import io.hirebot.i18n.Language;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Decides which language to answer in: the language of the words a message says its command in. The names, jobs,
 * stages, notes and remarks it carries are data, in whatever script they have: "advance 王敏" is English and
 * "推进 Alice Chen" Chinese.
 */
final class LanguageDetector {

  /**
   * Latin words Chinese recruiters write as Chinese ("发offer", "Offer 列表", the stage "Offer 沟通"): left alone next
   * to a Chinese name, they say nothing of the language.
   */
  private static final java.util.Set<String> LOANWORDS = java.util.Set.of("offer");

  private LanguageDetector() {}

  /**
   * The language of text not read as a command (yet): {@link Language#ZH} when it holds a CJK ideograph (mixed text
   * included), else {@link Language#EN}.
   */
  static Language detect(String text) {
    // A loop rather than a stream: it runs on every message, and most are short ASCII.
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (cp >= 0x2E80 && EntityText.isHan(cp)) {
        return Language.ZH;
      }
      i += Character.charCount(cp);
    }
    return Language.EN;
  }

  /**
   * The language of the words {@code original} says {@code readings} in: what is left of it once the texts the
   * commands carry (their names, jobs, stages, notes and remarks, as typed or as read) and the jobs and stages of
   * {@code lexicon} it names are taken out. Chinese when a Chinese word is left, English when only Latin ones are;
   * when nothing is (a bare name), the name's script decides, as {@link #detect} does.
   *
   * @param readings the command answered, and the grammar's reading of the same text when that keeps an argument as
   *     typed where the answered one names it otherwise (a job's code for the "后端" typed)
   */
  static Language ofCommand(String original, List<Command> readings, Lexicon lexicon) {
    Language whole = detect(original);
    if (!mixesScripts(original)) {
      return whole; // one script throughout: nothing to weigh (the common case, and no work)
    }
    EntityText text = new EntityText(Lexicon.fold(TextNormalizer.normalizeKeepingColons(original)));
    List<String> carried = new ArrayList<>();
    readings.forEach(command -> addTexts(command, carried));
    text.takeAll(carried.stream().map(t -> Lexicon.fold(TextNormalizer.normalizeKeepingColons(t)))
        .filter(t -> !t.isEmpty()).toList());
    JobFinder.find(text, lexicon).ifPresent(found -> found.spans().forEach(text::take));
    text.takeAll(lexicon.stageNames());
    boolean latinLeft = false;
    for (EntityText.Span word : text.rest()) {
      if (word.text().codePoints().anyMatch(EntityText::isHan)) {
        return Language.ZH;
      }
      latinLeft |= hasLatinLetter(word.text()) && !LOANWORDS.contains(word.text());
    }
    return latinLeft ? Language.EN : whole;
  }

  /** Whether the text has both Chinese and Latin letters: only then can its names' script differ from its words'. */
  static boolean mixesScripts(String text) {
    return detect(text) == Language.ZH && hasLatinLetter(text);
  }

  /**
   * Every text a command carries, nested commands' included. Read from the records' components rather than listed
   * per command, so a command added later is weighed right without being named here; this runs only for messages
   * that mix scripts.
   */
  private static void addTexts(Object value, List<String> into) {
    if (value instanceof String s) {
      into.add(s);
    } else if (value instanceof Collection<?> values) {
      values.forEach(v -> addTexts(v, into));
    } else if (value instanceof Command && value.getClass().isRecord()) {
      for (RecordComponent component : value.getClass().getRecordComponents()) {
        try {
          addTexts(component.getAccessor().invoke(value), into);
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException("cannot read " + component + " of " + value.getClass(), e);
        }
      }
    }
  }

  private static boolean hasLatinLetter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
        return true;
      }
    }
    return false;
  }
}

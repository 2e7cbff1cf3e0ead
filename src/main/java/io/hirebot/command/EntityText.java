package io.hirebot.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A folded message (lower case, Simplified) with the parts already explained marked off, so that what is left
 * after jobs, stages, periods and cue words are taken out can be read as a name.
 */
final class EntityText {

  /** A stretch of the folded text, {@code [start, end)}. */
  record Span(int start, int end, String text) {}

  private final String text;
  private final boolean[] taken;

  EntityText(String folded) {
    this.text = folded;
    this.taken = new boolean[folded.length()];
  }

  String text() {
    return text;
  }

  /** Marks the span as explained. */
  void take(Span span) {
    for (int i = span.start(); i < span.end(); i++) {
      taken[i] = true;
    }
  }

  boolean free(Span span) {
    for (int i = span.start(); i < span.end(); i++) {
      if (taken[i]) {
        return false;
      }
    }
    return true;
  }

  /** The parts of the span nothing has taken yet. */
  List<Span> freeParts(Span span) {
    List<Span> parts = new ArrayList<>();
    int start = -1;
    for (int i = span.start(); i <= span.end(); i++) {
      boolean open = i < span.end() && !taken[i];
      if (open && start < 0) {
        start = i;
      } else if (!open && start >= 0) {
        parts.add(new Span(start, i, text.substring(start, i)));
        start = -1;
      }
    }
    return parts;
  }

  /** Finds and takes every free occurrence of the phrases (longest first); returns what it took. */
  List<Span> takeAll(Collection<String> phrases) {
    List<Span> found = new ArrayList<>();
    for (Span span : occurrences(text, phrases)) {
      if (free(span)) {
        take(span);
        found.add(span);
      }
    }
    return found;
  }

  /** What nothing explained, as the runs of text between taken parts and spaces. */
  List<Span> rest() {
    List<Span> runs = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean open = i < text.length() && !taken[i] && !isSeparator(text.charAt(i));
      if (open && start < 0) {
        start = i;
      } else if (!open && start >= 0) {
        runs.add(new Span(start, i, text.substring(start, i)));
        start = -1;
      }
    }
    return runs;
  }

  /**
   * Occurrences of the phrases in the text, longest phrases first and never overlapping; a phrase starting or
   * ending in a Latin letter or digit must stand as whole words there ("offer" is not found in "offers").
   */
  static List<Span> occurrences(String text, Collection<String> phrases) {
    List<String> ordered = new ArrayList<>(phrases);
    ordered.sort(Comparator.comparingInt(String::length).reversed());
    boolean[] used = new boolean[text.length()];
    List<Span> spans = new ArrayList<>();
    for (String phrase : ordered) {
      if (phrase.isEmpty()) {
        continue;
      }
      int from = 0;
      int at;
      while ((at = text.indexOf(phrase, from)) >= 0) {
        int end = at + phrase.length();
        from = at + 1;
        if (!bounded(text, at, end, phrase) || overlaps(used, at, end)) {
          continue;
        }
        for (int i = at; i < end; i++) {
          used[i] = true;
        }
        spans.add(new Span(at, end, phrase));
      }
    }
    spans.sort(Comparator.comparingInt(Span::start));
    return spans;
  }

  static boolean isHan(int codePoint) {
    return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
  }

  static boolean isLatinOrDigit(char c) {
    return (c < 0x80 && Character.isLetterOrDigit(c)) || (Character.isLetter(c) && !isHan(c));
  }

  private static boolean bounded(String text, int start, int end, String phrase) {
    boolean latinStart = isLatinOrDigit(phrase.charAt(0));
    boolean latinEnd = isLatinOrDigit(phrase.charAt(phrase.length() - 1));
    return !(latinStart && start > 0 && isLatinOrDigit(text.charAt(start - 1)))
        && !(latinEnd && end < text.length() && isLatinOrDigit(text.charAt(end)));
  }

  private static boolean overlaps(boolean[] used, int start, int end) {
    for (int i = start; i < end; i++) {
      if (used[i]) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || TextNormalizer.SURROUNDING_PUNCTUATION.indexOf(c) >= 0 || c == '-' || c == '/' || c == '('
        || c == ')' || c == '[' || c == ']';
  }
}

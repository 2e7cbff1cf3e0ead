package io.hirebot.command;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compiled pattern whose {@link Matcher} is kept per thread and reset for each text, so that trying the grammar's
 * rows on a message allocates no matcher per row (each parse tried ~60 of them: a third of its allocations, and the
 * collections they cause showed in the parse p99). A matcher is used up before the next text on the same thread: no
 * rule keeps one across a nested parse.
 */
final class ReusableMatcher {
  private final Pattern pattern;
  private final ThreadLocal<Matcher> matchers;

  ReusableMatcher(Pattern pattern) {
    this.pattern = pattern;
    this.matchers = ThreadLocal.withInitial(() -> pattern.matcher(""));
  }

  static ReusableMatcher compile(String regex, int flags) {
    return new ReusableMatcher(Pattern.compile(regex, flags));
  }

  /** This thread's matcher, reset to {@code text}. */
  Matcher on(CharSequence text) {
    return matchers.get().reset(text);
  }

  Pattern pattern() {
    return pattern;
  }
}

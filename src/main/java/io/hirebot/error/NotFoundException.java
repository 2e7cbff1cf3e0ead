package io.hirebot.error;

import java.util.Locale;

/**
 * Something the bot looked up in Hire's answers or its own caches is not there (a job's process, a job behind a
 * button, an application or offer Hire answered without data). It is not a Hire error and carries no Hire code:
 * the user is told what is missing, in words, and nothing invents a code for it.
 */
public final class NotFoundException extends RuntimeException {
  /** What was missing; each has its own sentence in the i18n bundles ({@code error.notfound.<kind>}). */
  public enum Kind { JOB, PROCESS, APPLICATION, OFFER }

  private final Kind kind;
  private final String name;

  /**
   * @param name what the user knows the missing thing by (a job title, an id)
   * @param context for the log: where the lookup happened
   */
  public NotFoundException(Kind kind, String name, String context) {
    super(kind.name().toLowerCase(Locale.ROOT) + " " + name + " not found: " + context, null, false, false);
    this.kind = kind;
    this.name = name;
  }

  public Kind kind() { return kind; }
  public String name() { return name; }

  /** The i18n key of the sentence that explains the miss; it takes {@link #name()} as its argument. */
  public String messageKey() {
    return "error.notfound." + kind.name().toLowerCase(Locale.ROOT);
  }
}

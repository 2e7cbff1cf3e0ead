package io.hirebot.sandbox;

import java.time.Duration;

/**
 * How to deliver one push: honestly, or with a forged signature, an old timestamp, or twice (the second
 * delivery carries the same envelope and event_id, as Feishu's at-least-once re-pushes do).
 *
 * @param timestampAge how far behind the sandbox's clock the signed {@code X-Lark-Request-Timestamp} is
 */
public record PushOptions(boolean forgeSignature, Duration timestampAge, boolean duplicate) {

  public static final PushOptions NORMAL = new PushOptions(false, Duration.ZERO, false);

  public static PushOptions forged() {
    return new PushOptions(true, Duration.ZERO, false);
  }

  /** Signed a day ago: older than any re-push Feishu makes (its last comes about 7.1 h after the first). */
  public static PushOptions stale() {
    return aged(Duration.ofDays(1));
  }

  /** Correctly signed with a timestamp {@code age} old, as a re-push that kept its first timestamp would be. */
  public static PushOptions aged(Duration age) {
    return new PushOptions(false, age, false);
  }

  public static PushOptions twice() {
    return new PushOptions(false, Duration.ZERO, true);
  }

  /** The same push, its timestamp {@code more} older. */
  PushOptions olderBy(Duration more) {
    return new PushOptions(forgeSignature, timestampAge.plus(more), duplicate);
  }
}

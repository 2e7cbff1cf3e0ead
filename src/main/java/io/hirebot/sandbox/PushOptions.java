package io.hirebot.sandbox;

/**
 * How to deliver one push: honestly, or with a forged signature, a stale timestamp (an hour old), or twice
 * (the second delivery carries the same envelope and event_id, as Feishu's at-least-once re-pushes do).
 */
public record PushOptions(boolean forgeSignature, boolean staleTimestamp, boolean duplicate) {

  public static final PushOptions NORMAL = new PushOptions(false, false, false);

  public static PushOptions forged() {
    return new PushOptions(true, false, false);
  }

  public static PushOptions stale() {
    return new PushOptions(false, true, false);
  }

  public static PushOptions twice() {
    return new PushOptions(false, false, true);
  }
}

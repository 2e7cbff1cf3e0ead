package io.hirebot.bot.middleware;

import io.vertx.core.Future;
import java.util.List;

/**
 * Remembers which events were taken and which were finished, shared by every replica through the
 * database, so Feishu's retries act once and an event acknowledged just before a crash is replayed once.
 */
public interface ProcessedEvents {

  /** An event that was claimed but never finished, with the envelope to replay it from. */
  record Unfinished(String key, String envelope) {}

  /**
   * Completes with true for the first claim of {@code key} (or when an earlier claimant died without
   * finishing), false while another claim is live or after the event was finished.
   *
   * @param envelope the event's plaintext JSON, kept until {@link #done} so the event can be replayed
   */
  Future<Boolean> claim(String key, String envelope);

  /** Marks the event finished, so it is never replayed. */
  Future<Void> done(String key);

  /** Events whose claim went stale without being finished, oldest first, a bounded batch. */
  Future<List<Unfinished>> unfinished();

  /** Forgets events Feishu can no longer retry; completes with how many were forgotten. */
  Future<Integer> purgeExpired();
}

package io.hirebot.bot.middleware;

import io.vertx.core.Future;
import java.time.Instant;
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

  /**
   * Claims an event that needs no handling (the filters right after the claim drop it) as finished at once, in the
   * same commit as the claims around it: no envelope is kept and no finish written later, so it costs one row
   * written once. Answers as {@link #claim} does; Feishu's retries of it are dropped as duplicates.
   */
  Future<Boolean> claimFinished(String key);

  /** Marks the event finished, so it is never replayed. */
  Future<Void> done(String key);

  /** Events whose claim went stale without being finished, oldest first, a bounded batch. */
  Future<List<Unfinished>> unfinished();

  /** Forgets events Feishu can no longer retry; completes with how many were forgotten. */
  Future<Integer> purgeExpired();

  /** What became of an event whose handling failed: parked for good, or to be tried again at {@code retryAt}. */
  record Failure(boolean parked, int attempts, Instant retryAt) {}

  /**
   * Records a failed attempt: after the last allowed attempt the event is parked with {@code error} (never
   * replayed again), otherwise its claim is released to be replayed after a back-off that grows per attempt.
   */
  Future<Failure> failed(String key, String error);

  /** Hands an unfinished event back (the process is stopping): replayable at once, and not counted as a failure. */
  Future<Void> release(String key);

  /**
   * Parks events that used up their attempts without ever finishing (each claimant died or hung), so the
   * replay does not pick them up again; completes with how many were parked.
   */
  Future<Integer> parkAbandoned();

  /** A parked event, for admins: its key, how often it was tried, its last error, and when. */
  record Parked(String key, int attempts, String error, Instant receivedAt, Instant failedAt) {}

  /** The latest parked events, newest first. */
  Future<List<Parked>> parked(int limit);
}

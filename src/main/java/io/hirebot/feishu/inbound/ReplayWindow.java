package io.hirebot.feishu.inbound;

import io.hirebot.feishu.EpochTimes;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Judges an {@code x-lark-request-timestamp} against the clock, so a captured request can't be replayed
 * outside the time Feishu itself may still deliver it; thread-safe.
 *
 * <p>Why events get hours, not minutes. Feishu re-pushes an event it could not deliver after 15 s, 5 min,
 * 1 h and 6 h (event-subscription-guide/overview). Whether a re-push carries a fresh
 * {@code X-Lark-Request-Timestamp} is documented nowhere, and none of Feishu's own SDKs checks the timestamp
 * at all: oapi-sdk-java 2.5.3 {@code EventDispatcher.verifySign} (and the Go, Python and Node SDKs' dispatchers)
 * only hash it into the signature. If a re-push keeps the original timestamp, a 5-minute window would answer
 * 401 to every retry after the first and lose every event of an outage longer than 5 minutes. So a signed
 * event is accepted while Feishu may still retry it ({@link #EVENT_WINDOW}); replays inside that window are
 * stopped by de-duplication (event_id / message_id), whose rows are kept longer than the window
 * ({@code JdbcProcessedEvents.RETENTION}), so an accepted replay always finds the original's row.
 *
 * <p>Card callbacks are answered synchronously and never re-pushed (a timeout is an error in the client), so a
 * callback older than {@link #CALLBACK_WINDOW} can only be a replay: it keeps the short window.
 */
final class ReplayWindow {

  /** 15 s + 5 min + 1 h + 6 h: the last re-push Feishu makes after the first delivery. */
  static final Duration FEISHU_RETRY_HORIZON = Duration.ofSeconds(15).plusMinutes(5).plusHours(1).plusHours(6);
  /** The horizon plus half an hour for queueing on Feishu's side and clock skew. */
  static final Duration EVENT_WINDOW = FEISHU_RETRY_HORIZON.plusMinutes(30);
  /** Synchronous requests (card callbacks, url_verification) and any timestamp ahead of our clock. */
  static final Duration CALLBACK_WINDOW = Duration.ofMinutes(5);

  private final Clock clock;
  private final Duration eventWindow;
  private final Duration callbackWindow;

  ReplayWindow(Clock clock, Duration eventWindow, Duration callbackWindow) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.eventWindow = Objects.requireNonNull(eventWindow, "eventWindow");
    this.callbackWindow = Objects.requireNonNull(callbackWindow, "callbackWindow");
  }

  /** The windows above. */
  static ReplayWindow feishu(Clock clock) {
    return new ReplayWindow(clock, EVENT_WINDOW, CALLBACK_WINDOW);
  }

  /**
   * Null when the timestamp (unix seconds, or milliseconds) is acceptable, else a short reason: at most
   * the callback window ahead of now, and at most the event window (events) or callback window (anything
   * answered synchronously) behind it.
   */
  String problem(String timestamp, boolean retriedByFeishu) {
    try {
      long value = Long.parseLong(timestamp.trim());
      Instant sent = EpochTimes.instant(value);
      Duration age = Duration.between(sent, clock.instant());
      Duration allowed = age.isNegative() ? callbackWindow : retriedByFeishu ? eventWindow : callbackWindow;
      return age.abs().compareTo(allowed) > 0 ? "timestamp outside the replay window" : null;
    } catch (NumberFormatException | DateTimeException | ArithmeticException e) {
      return "bad x-lark-request-timestamp";
    }
  }
}

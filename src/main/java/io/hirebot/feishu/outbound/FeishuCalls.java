package io.hirebot.feishu.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lark.oapi.core.response.BaseResponse;
import com.lark.oapi.core.response.RawResponse;
import io.hirebot.error.FeishuApiException;
import io.hirebot.error.MissingScopes;
import io.hirebot.feishu.FeishuScopes;
import io.hirebot.util.RateLanes;
import io.hirebot.util.RateLanes.Lane;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs blocking SDK calls on the bounded "feishu" worker pool, under the endpoint's rate limit, and
 * turns every failure into a {@link FeishuApiException} with the call's name, code, msg and X-Tt-Logid (read from
 * the response headers even when the body is not Feishu's JSON). Rate-limited calls (HTTP 429 / 99991400 / 230020)
 * are retried after the delay Feishu asked for, unless that is longer than a user is kept waiting: then they fail
 * at once saying how long. Hire calls run under the {@link HireCircuit}.
 */
public final class FeishuCalls {
  private static final Logger log = LoggerFactory.getLogger(FeishuCalls.class);
  static final int MAX_ATTEMPTS = 3;
  /** Without a reset header, back off exponentially up to this. */
  static final long MAX_BACKOFF_MS = 5_000;
  static final long FIRST_BACKOFF_MS = 250;
  private static final int TOKEN_INVALID = 99991663;
  private static final String LOG_ID_HEADER = "X-Tt-Logid";
  private static final int BODY_EXCERPT = 80;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Vertx vertx;
  private final WorkerExecutor worker;
  private final WorkerExecutor hireWorker;
  private final WorkerExecutor bulkWorker;
  private final RateLimits limits;
  private final MeterRegistry metrics;
  private final Runnable invalidateToken;
  private final HireCircuit hire;
  private final Duration longestWait;
  /** The log id of the 429 that last held each operation back, for the callers refused while it lasts. */
  private final Map<String, String> limitedBy = new ConcurrentHashMap<>();
  /** Until when (System.nanoTime) Feishu asked each operation to hold off, after its last 429. */
  private final Map<String, Long> heldUntil = new ConcurrentHashMap<>();
  private final MissingScopes missingScopes = new MissingScopes();

  /**
   * @param worker the pool for IM and other calls
   * @param hireWorker the pool for {@code hire.*} calls: a hanging Hire holds its threads until the SDK's call
   *     timeout, and must not hold the replies that tell users so
   * @param hire the circuit every {@code hire.*} operation runs under
   * @param longestWait the longest a caller may be kept waiting for a rate-limit budget (a command's deadline)
   */
  public FeishuCalls(Vertx vertx, WorkerExecutor worker, WorkerExecutor hireWorker, RateLimits limits,
      MeterRegistry metrics, Runnable invalidateToken, HireCircuit hire, Duration longestWait) {
    this(vertx, worker, hireWorker, worker, limits, metrics, invalidateToken, hire, longestWait);
  }

  /**
   * @param bulkWorker the pool for bulk-lane calls other than Hire's (digests, notifications): a fan-out sending at
   *     the app's full IM rate on a slow machine could otherwise hold every thread replies need
   */
  public FeishuCalls(Vertx vertx, WorkerExecutor worker, WorkerExecutor hireWorker, WorkerExecutor bulkWorker,
      RateLimits limits, MeterRegistry metrics, Runnable invalidateToken, HireCircuit hire, Duration longestWait) {
    this.vertx = vertx;
    this.worker = worker;
    this.hireWorker = hireWorker;
    this.bulkWorker = bulkWorker;
    this.limits = limits;
    this.metrics = metrics;
    this.invalidateToken = invalidateToken;
    this.hire = hire;
    this.longestWait = longestWait;
  }

  /** The scopes calls through this instance found missing (refusals are recorded, and logged once). */
  public MissingScopes missingScopes() {
    return missingScopes;
  }

  /** Calls Feishu and completes with the response data, or fails with {@link FeishuApiException}. */
  public <D, R extends BaseResponse<D>> Future<D> call(String operation, Callable<R> sdkCall) {
    return call(operation, Lane.INTERACTIVE, sdkCall);
  }

  /** As {@link #call(String, Callable)}, in the given lane of the endpoint's budget. */
  public <D, R extends BaseResponse<D>> Future<D> call(String operation, Lane lane, Callable<R> sdkCall) {
    return attempt(operation, lane, null, sdkCall, 1, true).map(BaseResponse::getData);
  }

  /** Data Feishu answered with, and the X-Tt-Logid of that answer. */
  record Answered<D>(D data, String logId) {}

  /**
   * As {@link #call(String, Callable)}, keeping the answer's X-Tt-Logid: a paged list can fail after Hire answered each
   * page (a page_token that repeats), and that failure names the last page's log id like any failed call.
   */
  <D, R extends BaseResponse<D>> Future<Answered<D>> answered(String operation, Callable<R> sdkCall) {
    return attempt(operation, Lane.INTERACTIVE, null, sdkCall, 1, true)
        .map(resp -> new Answered<>(resp.getData(), logId(resp)));
  }

  /**
   * As {@link #call(String, Lane, Callable)}, outside the Hire circuit: the bot's own diagnostic calls (the scope
   * self-check). Sent while the process is cold (or its CPU starved), they can outlast a user's call timeout though
   * Hire answers; counted, they opened the circuit at start-up and users were told Hire was down. They keep the SDK's
   * request timeout, and the circuit learns of an outage from users' calls.
   */
  public <D, R extends BaseResponse<D>> Future<D> diagnostic(String operation, Lane lane, Callable<R> sdkCall) {
    return attempt(operation, lane, null, sdkCall, 1, false).map(BaseResponse::getData);
  }

  /**
   * Like {@link #call} for endpoints the SDK has no typed method for: the whole response body as JSON,
   * failing on a non-zero {@code code} like a typed call would.
   */
  public Future<JsonNode> raw(String operation, Callable<RawResponse> sdkCall) {
    long started = System.nanoTime();
    return budget(operation, Lane.INTERACTIVE)
        .compose(v -> guarded(operation, () -> send(operation, Lane.INTERACTIVE, sdkCall).compose(raw -> {
          JsonNode body;
          try {
            body = JSON.readTree(raw.getBody() == null ? new byte[0] : raw.getBody());
          } catch (IOException e) {
            body = null;
          }
          if (body == null || !body.has("code")) {
            return Future.failedFuture(unreadable(operation, raw, null));
          }
          int code = body.path("code").asInt(-1);
          if (code == 0) {
            return Future.succeededFuture(body);
          }
          return Future.failedFuture(noted(new FeishuApiException(operation, raw.getStatusCode(), code,
              body.path("msg").asText(""), logId(raw), ScopeRefusals.scopeToName(operation, body))));
        })))
        .andThen(r -> record(operation, outcome(r.failed() ? r.cause() : null), started));
  }

  /** Learns that {@code chatId} is {@code openId}'s private chat: messages there and to the user share one budget. */
  public void privateChat(String chatId, String openId) {
    limits.privateChat(chatId, openId);
  }

  /** Waits for the budget of the chat (or user) {@code receiveId} on top of the endpoint's own. */
  public <D, R extends BaseResponse<D>> Future<D> call(String operation, Lane lane, String receiveId,
      Callable<R> sdkCall) {
    return attempt(operation, lane, receiveId, sdkCall, 1, true).map(BaseResponse::getData);
  }

  private <D, R extends BaseResponse<D>> Future<R> attempt(String operation, Lane lane, String receiveId,
      Callable<R> sdkCall, int n, boolean underCircuit) {
    // A refusal by the bucket itself is final and changes nothing: re-penalizing the bucket for it would push the
    // end of Feishu's window back by one permit per refused caller, and a busy bot would never see it end.
    // The chat's permit is taken after the endpoint's, right before sending: taken first, its spacing was lost in
    // the bulk lane's queue, which then let a chat's queued messages out back to back (230020 from Feishu).
    return budget(operation, lane).compose(v -> receiveId == null ? Future.<Void>succeededFuture()
        : limits.perChat(receiveId).reserve().otherwise(0L).compose(this::waitFor)).compose(v -> {
      long started = System.nanoTime();
      Supplier<Future<R>> call = () -> send(operation, lane, sdkCall)
          .compose(resp -> resp.success() ? Future.succeededFuture(resp)
              : Future.<R>failedFuture(noted(failure(operation, resp))));
      return (underCircuit ? guarded(operation, call) : call.get())
          .andThen(r -> record(operation, outcome(r.failed() ? r.cause() : null), started))
          .recover(e -> retryOrFail(operation, lane, receiveId, sdkCall, n, underCircuit, e));
    });
  }

  /** After Feishu refused a call: retried after the delay it asked for, or failed saying how long to wait. */
  private <D, R extends BaseResponse<D>> Future<R> retryOrFail(String operation, Lane lane, String receiveId,
      Callable<R> sdkCall, int n, boolean underCircuit, Throwable e) {
    if (!(e instanceof FeishuApiException failure) || n >= MAX_ATTEMPTS || !isRetryable(failure)) {
      return Future.failedFuture(e);
    }
    if (failure.code() == TOKEN_INVALID) {
      invalidateToken.run();
      return attempt(operation, lane, receiveId, sdkCall, n + 1, underCircuit);
    }
    long delay = failure.waitTime().isZero() ? exponentialBackoffMs(n) : failure.waitTime().toMillis();
    limits.of(operation).penalize(TimeUnit.MILLISECONDS.toNanos(delay));
    heldUntil.merge(operation, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay), Math::max);
    limitedBy.put(operation, failure.logId());
    if (lane == Lane.INTERACTIVE && delay >= longestWait.toMillis()) {
      // Nobody waits that long for an answer: say when to try again instead.
      return Future.failedFuture(failure.withWait(Duration.ofMillis(delay)));
    }
    log.warn("feishu call retry op={} code={} attempt={} delay_ms={} logid={}",
        operation, failure.code(), n, delay, failure.logId());
    return waitFor(TimeUnit.MILLISECONDS.toNanos(delay))
        .compose(v -> attempt(operation, lane, receiveId, sdkCall, n + 1, underCircuit));
  }

  /**
   * Waits for the endpoint's budget in the caller's lane. While Feishu has asked the bot to hold off for longer than
   * a user is kept waiting, an interactive call fails at once with a rate limit that says how long (and books
   * nothing); bulk calls simply wait their turn.
   */
  private Future<Void> budget(String operation, Lane lane) {
    long held = heldUntil.getOrDefault(operation, 0L) - System.nanoTime();
    if (lane == Lane.INTERACTIVE && held > TimeUnit.MILLISECONDS.toNanos(longestWait.toMillis())) {
      record(operation, "held_back", System.nanoTime());
      return Future.failedFuture(new FeishuApiException(FeishuApiException.Kind.ANSWERED, operation, 429, 99991400,
          "request trigger frequency limit (waiting for the reset Feishu asked for)",
          limitedBy.getOrDefault(operation, ""), Duration.ofNanos(held)));
    }
    return limits.of(operation).acquire(lane);
  }


  /** Hire calls run under the circuit (a per-call timeout, fail fast while Hire is down); others as they are. */
  private <T> Future<T> guarded(String operation, Supplier<Future<T>> call) {
    return isHire(operation) ? hire.execute(operation, call) : call.get();
  }

  private static boolean isHire(String operation) {
    return operation.startsWith("hire.");
  }

  /** The blocking SDK call on the worker pool; a body the SDK cannot parse still fails with its status and log id. */
  private <T> Future<T> send(String operation, Lane lane, Callable<T> sdkCall) {
    WorkerExecutor pool = isHire(operation) ? hireWorker : lane == Lane.BULK ? bulkWorker : worker;
    return pool.executeBlocking(() -> {
      ResponseCapture.clear();
      try {
        return sdkCall.call();
      } catch (Exception e) {
        RawResponse answered = ResponseCapture.take();
        throw answered != null ? unreadable(operation, answered, e) : e;
      }
    }, false).recover(e -> Future.failedFuture(transportFailure(operation, e)));
  }

  private static boolean isRetryable(FeishuApiException e) {
    return e.isRateLimited() || e.code() == TOKEN_INVALID;
  }

  private Future<Void> waitFor(long nanos) {
    return RateLanes.after(vertx, nanos);
  }

  static long exponentialBackoffMs(int attempt) {
    return Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS << (attempt - 1));
  }

  /** Feishu says how long to wait in x-ogw-ratelimit-reset (seconds), honoured as given; null when it does not. */
  static Duration resetOf(RawResponse raw) {
    String reset = header(raw, "x-ogw-ratelimit-reset");
    if (reset == null) {
      return null;
    }
    try {
      return Duration.ofMillis(Math.max(FIRST_BACKOFF_MS, (long) (Double.parseDouble(reset.trim()) * 1000)));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String header(RawResponse raw, String name) {
    if (raw == null || raw.getHeaders() == null) {
      return null;
    }
    for (var e : raw.getHeaders().entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
        List<String> values = e.getValue();
        return values == null || values.isEmpty() ? null : values.get(0);
      }
    }
    return null;
  }

  private static String logId(RawResponse raw) {
    String fromHeader = header(raw, LOG_ID_HEADER);
    return fromHeader != null && !fromHeader.isEmpty() ? fromHeader : nullToEmpty(raw == null ? null : raw.getRequestID());
  }

  /** The answer's X-Tt-Logid (the SDK's request id), else the one in its error body, else the raw header's. */
  private static String logId(BaseResponse<?> resp) {
    String logId = resp.getRequestId();
    if ((logId == null || logId.isEmpty()) && resp.getError() != null) {
      logId = resp.getError().getLogId();
    }
    return logId == null || logId.isEmpty() ? logId(resp.getRawResponse()) : logId;
  }

  static FeishuApiException failure(String operation, BaseResponse<?> resp) {
    RawResponse raw = resp.getRawResponse();
    int status = raw == null ? 0 : raw.getStatusCode();
    FeishuApiException failure = new FeishuApiException(operation, status, resp.getCode(), resp.getMsg(), logId(resp),
        ScopeRefusals.scopeToName(operation, resp));
    Duration reset = failure.isRateLimited() ? resetOf(raw) : null;
    return reset == null ? failure : failure.withWait(reset);
  }

  /** A refusal for lack of a scope is recorded, so the scope is logged once and features can leave it out. */
  private FeishuApiException noted(FeishuApiException failure) {
    if (failure.isMissingScope()) {
      missingScopes.record(failure.missingScope(), FeishuScopes.usedFor(failure.missingScope()));
    }
    return failure;
  }

  /** An answer that is not Feishu's JSON (a proxy's error page): its status, an excerpt and its log id. */
  private static FeishuApiException unreadable(String operation, RawResponse raw, Exception parseError) {
    byte[] body = raw.getBody() == null ? new byte[0] : raw.getBody();
    String excerpt = new String(body, 0, Math.min(body.length, BODY_EXCERPT), StandardCharsets.UTF_8)
        .replaceAll("\\s+", " ").trim();
    log.warn("feishu answered without JSON op={} http={} logid={} cause={} body={}", operation, raw.getStatusCode(),
        logId(raw), parseError == null ? "no code" : parseError.getClass().getSimpleName(), excerpt);
    return new FeishuApiException(FeishuApiException.Kind.UNREADABLE, operation, raw.getStatusCode(), -1,
        "HTTP " + raw.getStatusCode() + " without Feishu's JSON: " + excerpt, logId(raw), Duration.ZERO);
  }

  private static FeishuApiException transportFailure(String operation, Throwable e) {
    if (e instanceof FeishuApiException fe) {
      return fe;
    }
    FeishuApiException.Kind kind = e instanceof InterruptedIOException
        ? FeishuApiException.Kind.NO_ANSWER : FeishuApiException.Kind.UNREACHABLE;
    return new FeishuApiException(kind, operation, 0, -1, e.getClass().getSimpleName() + ": " + e.getMessage(), "",
        Duration.ZERO);
  }

  private static String outcome(Throwable failure) {
    if (failure == null) {
      return "ok";
    }
    if (failure instanceof FeishuApiException fe) {
      return fe.kind() == FeishuApiException.Kind.ANSWERED ? String.valueOf(fe.code())
          : fe.kind().name().toLowerCase(java.util.Locale.ROOT);
    }
    return "error";
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private void record(String operation, String outcome, long startedNanos) {
    metrics.counter("hirebot.feishu.calls", "operation", operation, "outcome", outcome).increment();
    Timer.builder("hirebot.feishu.call.latency").tag("operation", operation).register(metrics)
        .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
  }
}

package io.hirebot.feishu.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lark.oapi.core.response.BaseResponse;
import com.lark.oapi.core.response.RawResponse;
import io.hirebot.error.FeishuApiException;
import io.hirebot.error.MissingScopes;
import io.hirebot.feishu.FeishuScopes;
import io.hirebot.util.RateLanes.Lane;
import io.hirebot.util.TokenBucket;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs blocking SDK calls on the bounded "feishu" worker pool, under the endpoint's rate limit, and
 * turns every failure into a {@link FeishuApiException} with the call's name, code, msg and X-Tt-Logid.
 * Rate-limited calls (HTTP 429 / 99991400 / 230020) are retried after the delay Feishu asked for.
 */
public final class FeishuCalls {
  private static final Logger log = LoggerFactory.getLogger(FeishuCalls.class);
  static final int MAX_ATTEMPTS = 3;
  static final long MAX_BACKOFF_MS = 5_000;
  static final long FIRST_BACKOFF_MS = 250;
  private static final int TOKEN_INVALID = 99991663;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Vertx vertx;
  private final WorkerExecutor worker;
  private final RateLimits limits;
  private final MeterRegistry metrics;
  private final Runnable invalidateToken;
  private final MissingScopes missingScopes;

  public FeishuCalls(Vertx vertx, WorkerExecutor worker, RateLimits limits, MeterRegistry metrics,
      Runnable invalidateToken) {
    this(vertx, worker, limits, metrics, invalidateToken, new MissingScopes());
  }

  /** @param missingScopes where a call refused for lack of a scope is recorded (and logged once) */
  public FeishuCalls(Vertx vertx, WorkerExecutor worker, RateLimits limits, MeterRegistry metrics,
      Runnable invalidateToken, MissingScopes missingScopes) {
    this.vertx = vertx;
    this.worker = worker;
    this.limits = limits;
    this.metrics = metrics;
    this.invalidateToken = invalidateToken;
    this.missingScopes = missingScopes;
  }

  /** The scopes calls through this instance found missing. */
  public MissingScopes missingScopes() {
    return missingScopes;
  }

  /** Calls Feishu and completes with the response data, or fails with {@link FeishuApiException}. */
  public <D, R extends BaseResponse<D>> Future<D> call(String operation, Callable<R> sdkCall) {
    return call(operation, Lane.INTERACTIVE, sdkCall);
  }

  /** As {@link #call(String, Callable)}, in the given lane of the endpoint's budget. */
  public <D, R extends BaseResponse<D>> Future<D> call(String operation, Lane lane, Callable<R> sdkCall) {
    return attempt(operation, lane, sdkCall, 1).map(BaseResponse::getData);
  }

  /**
   * Like {@link #call} for endpoints the SDK has no typed method for: the whole response body as JSON,
   * failing on a non-zero {@code code} like a typed call would.
   */
  public Future<JsonNode> raw(String operation, Callable<RawResponse> sdkCall) {
    long started = System.nanoTime();
    return limits.of(operation).acquire(Lane.INTERACTIVE)
        .compose(v -> worker.executeBlocking(sdkCall, false))
        .recover(e -> Future.failedFuture(transportFailure(operation, e)))
        .compose(raw -> {
          JsonNode body;
          try {
            body = JSON.readTree(raw.getBody() == null ? new byte[0] : raw.getBody());
          } catch (IOException e) {
            body = null;
          }
          int code = body == null ? -1 : body.path("code").asInt(-1);
          record(operation, code == 0 ? "ok" : String.valueOf(code), started);
          if (code == 0) {
            return Future.succeededFuture(body);
          }
          return Future.failedFuture(noted(new FeishuApiException(operation, raw.getStatusCode(), code,
              body == null ? "unparsable response" : body.path("msg").asText(""), raw.getRequestID(),
              ScopeRefusals.scopeToName(operation, body))));
        });
  }

  /** Waits for one more budget (a per-chat IM limit) on top of the endpoint's own. */
  public <D, R extends BaseResponse<D>> Future<D> call(String operation, Lane lane, TokenBucket extra,
      Callable<R> sdkCall) {
    return waitFor(extra.reserve()).compose(v -> call(operation, lane, sdkCall));
  }

  private <D, R extends BaseResponse<D>> Future<R> attempt(String operation, Lane lane, Callable<R> sdkCall, int n) {
    long started = System.nanoTime();
    return limits.of(operation).acquire(lane)
        .compose(v -> worker.executeBlocking(sdkCall, false))
        .recover(e -> Future.failedFuture(transportFailure(operation, e)))
        .compose(resp -> {
          record(operation, resp.success() ? "ok" : String.valueOf(resp.getCode()), started);
          if (resp.success()) {
            return Future.succeededFuture(resp);
          }
          FeishuApiException failure = noted(failure(operation, resp));
          if (n < MAX_ATTEMPTS && isRetryable(failure)) {
            long delay = backoffMs(resp.getRawResponse(), n);
            log.warn("feishu call retry op={} code={} attempt={} delay_ms={} logid={}",
                operation, failure.code(), n, delay, failure.logId());
            if (failure.code() == TOKEN_INVALID) {
              invalidateToken.run();
            } else {
              limits.of(operation).penalize(TimeUnit.MILLISECONDS.toNanos(delay));
            }
            return waitFor(TimeUnit.MILLISECONDS.toNanos(delay))
                .compose(v -> attempt(operation, lane, sdkCall, n + 1));
          }
          return Future.failedFuture(failure);
        });
  }

  private static boolean isRetryable(FeishuApiException e) {
    return e.isRateLimited() || e.code() == TOKEN_INVALID;
  }

  private Future<Void> waitFor(long nanos) {
    if (nanos <= 0) {
      return Future.succeededFuture();
    }
    Promise<Void> promise = Promise.promise();
    vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos)), id -> promise.complete());
    return promise.future();
  }

  /** Feishu says how long to wait in x-ogw-ratelimit-reset (seconds); otherwise back off exponentially. */
  static long backoffMs(RawResponse raw, int attempt) {
    String reset = header(raw, "x-ogw-ratelimit-reset");
    if (reset != null) {
      try {
        return Math.min(MAX_BACKOFF_MS, Math.max(FIRST_BACKOFF_MS, (long) (Double.parseDouble(reset) * 1000)));
      } catch (NumberFormatException ignored) {
        // fall through to the exponential delay
      }
    }
    return Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS << (attempt - 1));
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

  static FeishuApiException failure(String operation, BaseResponse<?> resp) {
    RawResponse raw = resp.getRawResponse();
    int status = raw == null ? 0 : raw.getStatusCode();
    String logId = resp.getRequestId();
    if ((logId == null || logId.isEmpty()) && resp.getError() != null) {
      logId = resp.getError().getLogId();
    }
    return new FeishuApiException(operation, status, resp.getCode(), resp.getMsg(), logId,
        ScopeRefusals.scopeToName(operation, resp));
  }

  /** A refusal for lack of a scope is recorded, so the scope is logged once and features can leave it out. */
  private FeishuApiException noted(FeishuApiException failure) {
    if (failure.isMissingScope()) {
      missingScopes.record(failure.missingScope(), FeishuScopes.usedFor(failure.missingScope()));
    }
    return failure;
  }

  private FeishuApiException transportFailure(String operation, Throwable e) {
    if (e instanceof FeishuApiException fe) {
      return fe;
    }
    record(operation, "transport_error", System.nanoTime());
    return new FeishuApiException(operation, 0, -1, e.getClass().getSimpleName() + ": " + e.getMessage(), "");
  }

  private void record(String operation, String outcome, long startedNanos) {
    metrics.counter("hirebot.feishu.calls", "operation", operation, "outcome", outcome).increment();
    Timer.builder("hirebot.feishu.call.latency").tag("operation", operation).register(metrics)
        .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
  }
}

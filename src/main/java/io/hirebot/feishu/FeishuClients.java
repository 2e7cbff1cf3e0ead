package io.hirebot.feishu;

import com.lark.oapi.Client;
import com.lark.oapi.core.httpclient.OkHttpTransport;
import com.lark.oapi.okhttp.ConnectionPool;
import com.lark.oapi.okhttp.OkHttpClient;
import io.hirebot.config.BotConfig.FeishuConfig;
import io.hirebot.feishu.outbound.CaffeineTokenCache;
import io.hirebot.feishu.outbound.FeishuCalls;
import io.hirebot.feishu.outbound.NoDelaySocketFactory;
import io.hirebot.feishu.outbound.RateLimits;
import io.hirebot.util.RateBudget;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Builds the one SDK {@link Client} of the process (pointed at {@code FEISHU_BASE_URL}, token cache in
 * Caffeine) and the bounded "feishu" worker pool its blocking calls run on.
 */
public final class FeishuClients {
  /** Enough threads for a page of parallel detail calls plus replies; the rate limits cap them anyway. */
  public static final int WORKER_POOL_SIZE = 32;
  static final long REQUEST_TIMEOUT_SECONDS = 10;
  static final long MAX_BLOCKING_SECONDS = 30;
  static final long IDLE_CONNECTION_MINUTES = 5;

  private final Client client;
  private final WorkerExecutor worker;
  private final FeishuCalls calls;

  /** @param budgets where the rate budgets live: this process, or the database replicas share */
  public FeishuClients(Vertx vertx, FeishuConfig config, MeterRegistry metrics, RateBudget.Factory budgets) {
    CaffeineTokenCache tokens = new CaffeineTokenCache();
    this.client = Client.newBuilder(config.appId(), config.appSecret())
        .openBaseUrl(config.baseUrl())
        .tokenCache(tokens)
        .requestTimeout(REQUEST_TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .httpTransport(new OkHttpTransport(http()))
        .logReqAtDebug(false)
        .build();
    this.worker = vertx.createSharedWorkerExecutor("feishu", WORKER_POOL_SIZE, MAX_BLOCKING_SECONDS,
        TimeUnit.SECONDS);
    this.calls = new FeishuCalls(vertx, worker, new RateLimits(vertx, budgets), metrics, tokens::clear);
  }

  /**
   * What the SDK builds for a request timeout (a call timeout), plus: TCP_NODELAY (see
   * {@link NoDelaySocketFactory}) and one idle connection per worker thread, so a parallel fan-out reuses its
   * connections (and TLS sessions) instead of OkHttp's default of keeping only 5.
   */
  private static OkHttpClient http() {
    return new OkHttpClient.Builder()
        .callTimeout(REQUEST_TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .connectionPool(new ConnectionPool(WORKER_POOL_SIZE, IDLE_CONNECTION_MINUTES, TimeUnit.MINUTES))
        .socketFactory(new NoDelaySocketFactory())
        .build();
  }

  public Client client() {
    return client;
  }

  public FeishuCalls calls() {
    return calls;
  }

  public void close() {
    worker.close();
  }
}

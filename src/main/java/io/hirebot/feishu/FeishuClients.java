package io.hirebot.feishu;

import com.lark.oapi.Client;
import io.hirebot.config.BotConfig.FeishuConfig;
import io.hirebot.feishu.outbound.CaffeineTokenCache;
import io.hirebot.feishu.outbound.FeishuCalls;
import io.hirebot.feishu.outbound.RateLimits;
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

  private final Client client;
  private final WorkerExecutor worker;
  private final FeishuCalls calls;

  public FeishuClients(Vertx vertx, FeishuConfig config, MeterRegistry metrics) {
    CaffeineTokenCache tokens = new CaffeineTokenCache();
    this.client = Client.newBuilder(config.appId(), config.appSecret())
        .openBaseUrl(config.baseUrl())
        .tokenCache(tokens)
        .requestTimeout(REQUEST_TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .logReqAtDebug(false)
        .build();
    this.worker = vertx.createSharedWorkerExecutor("feishu", WORKER_POOL_SIZE, MAX_BLOCKING_SECONDS,
        TimeUnit.SECONDS);
    this.calls = new FeishuCalls(vertx, worker, new RateLimits(1.0), metrics, tokens::clear);
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

package io.hirebot.feishu;

import com.lark.oapi.Client;
import com.lark.oapi.core.token.AccessTokenType;
import com.lark.oapi.core.httpclient.IHttpTransport;
import com.lark.oapi.core.httpclient.OkHttpTransport;
import com.lark.oapi.okhttp.ConnectionPool;
import com.lark.oapi.okhttp.ConnectionSpec;
import com.lark.oapi.okhttp.OkHttpClient;
import io.hirebot.config.BotConfig.FeishuConfig;
import io.hirebot.feishu.outbound.CaffeineTokenCache;
import io.hirebot.feishu.outbound.SharedTokenFetch;
import io.hirebot.feishu.outbound.FeishuCalls;
import io.hirebot.feishu.outbound.HireCircuit;
import io.hirebot.feishu.outbound.ResponseCapture;
import io.hirebot.feishu.outbound.NoDelaySocketFactory;
import io.hirebot.feishu.outbound.RateLimits;
import io.hirebot.util.RateBudget;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Builds the one SDK {@link Client} of the process (pointed at {@code FEISHU_BASE_URL}, token cache in
 * Caffeine) and the bounded "feishu" worker pool its blocking calls run on.
 */
public final class FeishuClients {
  /** Enough threads for a page of parallel detail calls; the rate limits cap them anyway. */
  public static final int WORKER_POOL_SIZE = 32;
  /** Replies, card updates and bot info: IM allows 50 calls a second, each normally a few milliseconds. */
  static final int IM_POOL_SIZE = 16;
  /** Threads for bulk IM calls (45/s at up to 170 ms each); replies keep {@link #IM_POOL_SIZE} of their own. */
  static final int BULK_POOL_SIZE = 8;
  static final long REQUEST_TIMEOUT_SECONDS = 10;
  static final long MAX_BLOCKING_SECONDS = 30;
  static final long IDLE_CONNECTION_MINUTES = 5;
  /** How long the Hire circuit stays open before probing again: the most a user waits for Hire once it is back. */
  public static final Duration PROBE_INTERVAL = Duration.ofSeconds(5);
  /** Outage failures in a row (within 10 s) after which users are answered at once instead of waiting. */
  static final int CIRCUIT_MAX_FAILURES = 5;
  /** What a command keeps of its deadline after a Hire call gave up: enough to render and send the answer. */
  static final Duration ANSWER_MARGIN = Duration.ofMillis(500);
  static final String PROBE_PATH = "/open-apis/hire/v1/jobs?page_size=1";

  private final Client client;
  private final WorkerExecutor worker;
  private final WorkerExecutor hireWorker;
  private final WorkerExecutor bulkWorker;
  private final FeishuCalls calls;
  private final HireCircuit hireCircuit;

  /**
   * @param budgets where the rate budgets live: this process, or the database replicas share
   * @param commandDeadline how long a user waits at most: no call waits longer for a rate-limit budget, and one Hire
   *     call gets a little less, so its failure still reaches the user in time
   */
  public FeishuClients(Vertx vertx, FeishuConfig config, MeterRegistry metrics, RateBudget.Factory budgets,
      Duration commandDeadline) {
    this(vertx, config, metrics, budgets, commandDeadline, new OkHttpTransport(http(config.baseUrl())), "", true);
  }

  /**
   * Clients whose SDK requests never leave the process: {@link CannedFeishu} answers them. For the start-up warm-up,
   * which runs a first answer's Feishu calls through the same code as real ones (SDK request building, its JSON
   * mapping, our calls, rate limits and circuit) on pools and budgets of its own (pools named "warm-up-feishu…", so
   * the bot's own pools and their metrics are created once, by the bot). {@link #close()} it after use.
   */
  public static FeishuClients offline(Vertx vertx, MeterRegistry metrics, Duration commandDeadline) {
    return new FeishuClients(vertx, new FeishuConfig("cli_warm_up", "warm-up", "", "", CannedFeishu.BASE_URL),
        metrics, RateBudget.Factory.LOCAL, commandDeadline, new CannedFeishu(), "warm-up-", false);
  }

  private FeishuClients(Vertx vertx, FeishuConfig config, MeterRegistry metrics, RateBudget.Factory budgets,
      Duration commandDeadline, IHttpTransport transport, String poolPrefix, boolean processTokens) {
    CaffeineTokenCache tokens = new CaffeineTokenCache();
    this.client = new LeanClient(config.appId(), config.appSecret(), config.baseUrl(), tokens,
        REQUEST_TIMEOUT_SECONDS, new ResponseCapture(new SharedTokenFetch(transport)), processTokens);
    this.worker = vertx.createSharedWorkerExecutor(poolPrefix + "feishu", IM_POOL_SIZE, MAX_BLOCKING_SECONDS, TimeUnit.SECONDS);
    this.hireWorker = vertx.createSharedWorkerExecutor(poolPrefix + "feishu-hire", WORKER_POOL_SIZE, MAX_BLOCKING_SECONDS,
        TimeUnit.SECONDS);
    this.hireCircuit = new HireCircuit(vertx, new HireCircuit.Settings(commandDeadline.minus(ANSWER_MARGIN),
        CIRCUIT_MAX_FAILURES, PROBE_INTERVAL), metrics);
    this.bulkWorker = vertx.createSharedWorkerExecutor(poolPrefix + "feishu-bulk", BULK_POOL_SIZE, MAX_BLOCKING_SECONDS,
        TimeUnit.SECONDS);
    this.calls = new FeishuCalls(vertx, worker, hireWorker, bulkWorker, new RateLimits(vertx, budgets), metrics,
        tokens::clear, hireCircuit, commandDeadline);
    // The cheapest read every tenant has: one job. Any answer from Hire, even a refusal, means it is back.
    hireCircuit.probeWith(() -> calls.raw("hire.probe",
        () -> client.get(PROBE_PATH, null, AccessTokenType.Tenant)));
  }

  /**
   * What the SDK builds for a request timeout (a call timeout), plus: TCP_NODELAY (see
   * {@link NoDelaySocketFactory}) and one idle connection per worker thread, so a parallel fan-out reuses its
   * connections (and TLS sessions) instead of OkHttp's default of keeping only 5; plain HTTP only when
   * {@code baseUrl} is an {@code http:} URL.
   */
  static OkHttpClient http(String baseUrl) {
    OkHttpClient.Builder builder = new OkHttpClient.Builder()
        .callTimeout(REQUEST_TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .connectionPool(new ConnectionPool(WORKER_POOL_SIZE + IM_POOL_SIZE, IDLE_CONNECTION_MINUTES, TimeUnit.MINUTES))
        .socketFactory(new NoDelaySocketFactory());
    if (!usesTls(baseUrl)) {
      // An emulator (the sandbox's, a test's): OkHttp otherwise loads the JDK's trust store and builds a TLS context
      // when the client is built, for calls that never come (JFR: ~7 % of a sandbox start's Java CPU).
      builder.connectionSpecs(java.util.List.of(ConnectionSpec.CLEARTEXT));
    }
    return builder.build();
  }

  /** Whether the SDK's calls to {@code baseUrl} go over TLS (Feishu's own URLs are https; an emulator may not be). */
  public static boolean usesTls(String baseUrl) {
    return !baseUrl.regionMatches(true, 0, "http:", 0, 5);
  }

  /** Builds the SDK services the bot calls now (a warm-up), rather than on the first call that needs each. */
  public void buildServices() {
    client.hire();
    client.im();
    client.application();
  }

  public Client client() {
    return client;
  }

  public FeishuCalls calls() {
    return calls;
  }

  /** Whether Feishu Hire is answering (for /healthz and /metrics). */
  public HireCircuit hireCircuit() {
    return hireCircuit;
  }

  public void close() {
    hireCircuit.close();
    worker.close();
    hireWorker.close();
    bulkWorker.close();
  }
}

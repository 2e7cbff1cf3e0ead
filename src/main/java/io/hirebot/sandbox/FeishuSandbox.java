package io.hirebot.sandbox;

import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.HireData;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process Feishu open platform over real HTTP on 127.0.0.1: tenant tokens, bot info, IM messages and cards,
 * the Hire API on an in-memory tenant, and pushes of signed/encrypted events to the bot. The real oapi-sdk
 * client pointed at {@link #baseUrl()} cannot tell it from open.feishu.cn. Handlers never block; state is
 * thread-safe, so tests may read and change it from their own thread.
 *
 * <pre>{@code
 * FeishuSandbox sandbox = FeishuSandbox.start(vertx, SandboxConfig.defaults()).toCompletionStage().toCompletableFuture().get();
 * Client sdk = Client.newBuilder(sandbox.config().appId(), sandbox.config().appSecret()).openBaseUrl(sandbox.baseUrl()).build();
 * sandbox.botUrls(botBase + "/webhook/event", botBase + "/webhook/card");
 * sandbox.events().message(MessageSpec.group(ImState.DEMO_TEAM_CHAT).mentioningBot().text("jobs"));
 * sandbox.im().awaitMessage(m -> m.chatId().equals(ImState.DEMO_TEAM_CHAT), Duration.ofSeconds(5));
 * }</pre>
 */
public final class FeishuSandbox {

  /** The tenant_key of the sandbox tenant in every envelope and response. */
  public static final String TENANT_KEY = "tk_sandbox";
  private static final Logger LOG = LoggerFactory.getLogger(FeishuSandbox.class);

  private final SandboxConfig config;
  private final HttpServer server;
  private final HireTenant hire;
  private final ImState im;
  private final RequestLog requests;
  private final Faults faults;
  private final EventPusher events;
  private final TokenStore tokens;
  private final RateLimiter limiter;
  private final LongConnection longConnection;
  private final TenantScopes scopes;
  private final Console console;

  private FeishuSandbox(SandboxConfig config, HttpServer server, Parts parts) {
    this.config = config;
    this.server = server;
    this.hire = parts.hire;
    this.im = parts.im;
    this.requests = parts.requests;
    this.faults = parts.faults;
    this.events = parts.events;
    this.tokens = parts.tokens;
    this.limiter = parts.limiter;
    this.longConnection = parts.longConnection;
    this.scopes = parts.scopes;
    this.console = parts.console;
  }

  /** The state objects, built before the server so the routes can use them. */
  private static final class Parts {
    HireTenant hire;
    ImState im;
    RequestLog requests;
    Faults faults;
    EventPusher events;
    TokenStore tokens;
    CardTokens cardTokens;
    RateLimiter limiter;
    LongConnection longConnection;
    TenantScopes scopes;
    Console console;
  }

  /** Starts the sandbox on {@code config.port()} (0 = a free port). */
  public static Future<FeishuSandbox> start(Vertx vertx, SandboxConfig config) {
    Parts p = new Parts();
    Supplier<HireData> seed = config.seedDemoTenant()
        ? () -> DemoTenant.seed(config.clock(), config.demoZone()) : DemoTenant::empty;
    p.hire = new HireTenant(seed, config.clock());
    p.im = new ImState(vertx, config.clock(), config.seedDemoTenant() ? ImState.demoChats() : List.of());
    p.requests = new RequestLog(vertx);
    p.faults = new Faults();
    p.tokens = new TokenStore(config.clock());
    p.cardTokens = new CardTokens(config.clock());
    p.longConnection = new LongConnection(vertx, config);
    p.scopes = new TenantScopes();
    p.console = new Console();
    p.events = new EventPusher(vertx, config, p.im, p.cardTokens, p.longConnection, p.scopes, p.faults);
    p.limiter = new RateLimiter(config.clock(), p.faults);
    Router router = router(vertx, config, p);
    return vertx.createHttpServer()
        .requestHandler(router)
        .listen(config.port(), "127.0.0.1")
        .map(server -> {
          p.longConnection.port(server.actualPort());
          LOG.info("Feishu sandbox listening on http://127.0.0.1:{} (app {}, bot {}, {} envelopes)", server.actualPort(),
              config.appId(), config.botOpenId(), config.encrypted() ? "encrypted" : "plain");
          return new FeishuSandbox(config, server, p);
        });
  }

  private static Router router(Vertx vertx, SandboxConfig config, Parts p) {
    Router router = Router.router(vertx);
    p.longConnection.installSocket(router);
    Gateway gateway = new Gateway(vertx, config.clock(), p.requests, p.faults, p.tokens, p.limiter, p.scopes);
    gateway.install(router);
    p.longConnection.installEndpoint(router);
    Api api = new Api(router, gateway);
    new AuthRoutes(config, p.tokens).install(api);
    new ImRoutes(config, p.im, p.cardTokens, p.faults).install(api);
    new EphemeralRoutes(config, p.im).install(api);
    new HireJobRoutes(p.hire).install(api);
    new HireApplicationRoutes(p.hire, config.clock(), p.scopes).install(api);
    p.hire.listener(new HireEvents(p.events));
    new HireActionRoutes(p.hire, config.clock()).install(api);
    new HirePeopleRoutes(p.hire, config.clock()).install(api);
    new HireInterviewRoutes(p.hire, config.clock()).install(api);
    new HireOfferRoutes(p.hire).install(api);
    new HireTaskRoutes(p.hire).install(api);
    new HireFlowRoutes(p.hire).install(api);
    new TryItRoutes(config, p.events, p.im).install(router);
    new ConsoleRoutes(vertx, config, p.console, p.events, p.im, p.hire).install(router);
    new FaultRoutes(p.faults).install(router);
    gateway.installFallback(router);
    return router;
  }

  public Future<Void> close() {
    events.close();
    return server.close();
  }

  public int port() {
    return server.actualPort();
  }

  /** {@code http://127.0.0.1:PORT}, no trailing slash: pass it to the SDK's {@code openBaseUrl}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** The console for humans (a Feishu-like web client), once {@link Console#enable() enabled}. */
  public String tryItUrl() {
    return baseUrl() + "/sandbox";
  }

  /** The console's switch and clock control; the composition root enables it in sandbox mode. */
  public Console console() {
    return console;
  }

  public SandboxConfig config() {
    return config;
  }

  public HireTenant hire() {
    return hire;
  }

  public ImState im() {
    return im;
  }

  public RequestLog requests() {
    return requests;
  }

  public Faults faults() {
    return faults;
  }

  /** The scopes the app holds in this tenant (every scope until a test or the operator says otherwise). */
  public TenantScopes scopes() {
    return scopes;
  }

  public EventPusher events() {
    return events;
  }

  /** Where to push events and card callbacks (the bot's /webhook/event and /webhook/card). */
  public void botUrls(String eventUrl, String cardUrl) {
    events.urls(eventUrl, cardUrl);
  }

  /**
   * Completes once an SDK long-connection client ({@code com.lark.oapi.ws.Client} with {@code domain(baseUrl())})
   * is connected; from then on, pushes without a webhook URL go through it.
   */
  public Future<Void> awaitLongConnection(Duration timeout) {
    return longConnection.awaitConnected(timeout);
  }

  /** Invalidates every issued tenant_access_token (the next call with one gets 99991663). */
  public void expireTokens() {
    tokens.expireAll();
  }

  /** Resets everything tests change: Hire data, messages, request log, faults, rate-limit budgets and scopes (not tokens). */
  public void reset() {
    scopes.grantAll();
    hire.reset();
    im.reset();
    requests.reset();
    faults.clear();
    limiter.reset();
  }
}

package io.hirebot.e2e;

import io.hirebot.app.Launcher;
import io.hirebot.app.RunningBot;
import io.hirebot.config.BotConfig;
import io.hirebot.config.ConfigLoader;
import io.hirebot.sandbox.FeishuSandbox;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Vert.x, one Feishu sandbox and one real bot on random ports, for an end-to-end test class.
 * Tests block only the JUnit thread, through {@link #await}.
 */
public final class BotHarness implements AutoCloseable {
  /** Generous: a shared 2-core CI machine may be slow to load classes on the first request. */
  public static final Duration TIMEOUT = Duration.ofSeconds(20);

  public final Vertx vertx;
  public final PrometheusMeterRegistry registry;
  public final FeishuSandbox sandbox;
  public final RunningBot bot;
  private final Launcher.SandboxedBot started;

  private BotHarness(Vertx vertx, PrometheusMeterRegistry registry, Launcher.SandboxedBot started) {
    this.started = started;
    this.sandbox = started.sandbox();
    this.bot = started.bot();
    this.vertx = vertx;
    this.registry = registry;
  }

  /** Sandbox credentials with an encrypt key (signed, encrypted pushes) on a random port. */
  public static BotHarness encrypted() {
    return start(Map.of("HIREBOT_PORT", "0"));
  }

  /** No encrypt key: plain envelopes, verification token only. */
  public static BotHarness plain() {
    return start(Map.of("HIREBOT_PORT", "0"), null);
  }

  public static BotHarness start(Map<String, String> env) {
    return start(env, ConfigLoader.SANDBOX_ENCRYPT_KEY);
  }

  private static BotHarness start(Map<String, String> env, String encryptKey) {
    BotConfig loaded = ConfigLoader.load(env, List.of("--sandbox"));
    var f = loaded.feishu();
    BotConfig config = loaded.withFeishu(new BotConfig.FeishuConfig(f.appId(), f.appSecret(),
        f.verificationToken(), encryptKey, f.baseUrl()));
    PrometheusMeterRegistry registry = Launcher.registry();
    Vertx vertx = Launcher.vertx(registry);
    var started = await(Launcher.startSandboxed(vertx, config, registry, Clock.systemUTC()));
    BotHarness h = new BotHarness(vertx, registry, started);
    h.awaitBotIdentity();
    return h;
  }

  /** The bot learns its open_id from bot/v3/info asynchronously; mentions need it. */
  private void awaitBotIdentity() {
    await(sandbox.requests().await(r -> r.path().equals("/open-apis/bot/v3/info") && r.status() == 200, TIMEOUT));
  }

  /** Pushes a message as Feishu would and waits for the bot's reply to it. */
  public SentMessage ask(MessageSpec spec) {
    return replyTo(await(sandbox.events().message(spec)));
  }

  /** The bot's reply to an accepted push. */
  public SentMessage replyTo(PushResult push) {
    if (push.status() != 200) {
      throw new AssertionError("push not accepted: " + push.status() + " " + push.body());
    }
    return await(sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId()), TIMEOUT));
  }

  public static <T> T await(Future<T> future) {
    return await(future, TIMEOUT);
  }

  public static <T> T await(Future<T> future, Duration timeout) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("timed out or failed waiting: " + e, e);
    }
  }

  @Override
  public void close() {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      started.closeSandbox().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // closing anyway
    }
  }
}

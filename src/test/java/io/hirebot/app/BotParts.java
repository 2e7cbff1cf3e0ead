package io.hirebot.app;

import static io.hirebot.e2e.BotHarness.await;

import io.hirebot.config.BotConfig;
import io.hirebot.config.ConfigLoader;
import io.hirebot.e2e.BotHarness;
import io.hirebot.sandbox.FeishuSandbox;
import io.hirebot.testing.SelfClosingFixture;
import io.hirebot.testing.TestApps;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * For tests that build a bot's parts by hand (warm-up, wiring, verticles) rather than start it whole: an emulator
 * on a Vert.x of its own, a sandbox-mode config pointed at it with an app of its own, and a Vert.x for the bot's side.
 * Register it on an instance field ({@link SelfClosingFixture}) or close it yourself: both Vert.x close, the bot's
 * first.
 */
final class BotParts extends SelfClosingFixture {
  final Vertx feishuSide = Vertx.vertx();
  final Vertx botSide = Vertx.vertx();
  final FeishuSandbox sandbox;
  /** Loaded from {@code env} in sandbox mode, with the emulator's base URL. */
  final BotConfig config;

  private BotParts(Map<String, String> env) {
    BotConfig loaded = TestApps.ownApp(ConfigLoader.load(env, List.of("--sandbox")));
    sandbox = await(FeishuSandbox.start(feishuSide, Launcher.sandboxConfig(loaded, Clock.systemUTC())),
        BotHarness.START_TIMEOUT);
    config = loaded.withFeishu(loaded.feishu().withBaseUrl(sandbox.baseUrl()));
  }

  static BotParts start(Map<String, String> env) {
    return new BotParts(env);
  }

  @Override
  public void close() {
    await(botSide.close());
    await(feishuSide.close());
  }
}

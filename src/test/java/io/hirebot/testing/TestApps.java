package io.hirebot.testing;

import io.hirebot.config.BotConfig;
import io.hirebot.sandbox.SandboxConfig;

/**
 * Gives each bot a test starts a Feishu app of its own, which the emulator started for it then takes over
 * ({@code Launcher.sandboxConfig}). The SDK keeps every client's tokens in one process-wide cache keyed by app id
 * alone: with the one sandbox-mode app id, a bot would present another emulator's token to its own, which refuses it
 * (as when test classes run side by side in one JVM).
 */
public final class TestApps {
  private TestApps() {}

  /** {@code config} (sandbox mode) with an app id no other emulator in this JVM has, and a secret of its own. */
  public static BotConfig ownApp(BotConfig config) {
    var f = config.feishu();
    String appId = SandboxConfig.freshAppId();
    return config.withFeishu(new BotConfig.FeishuConfig(appId, appId + "_secret", f.verificationToken(),
        f.encryptKey(), f.baseUrl()));
  }
}

package io.hirebot.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.app.Launcher;
import io.hirebot.config.BotConfig;
import io.hirebot.config.ConfigLoader;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The console exists only inside the emulator, and the emulator runs only without real credentials. */
class ConsoleModeTest {

  @Test
  @DisplayName("with FEISHU_APP_ID set, no emulator (and so no console) can be started next to the bot")
  void realCredentialsStartNoConsole() throws Exception {
    BotConfig real = ConfigLoader.load(Map.of("FEISHU_APP_ID", "cli_real", "FEISHU_APP_SECRET", "s3cret",
        "FEISHU_ENCRYPT_KEY", "k", "HIREBOT_PORT", "0"), List.of());
    assertFalse(real.sandbox(), "real credentials mean Feishu mode: Main starts the bot alone");
    var registry = Launcher.registry();
    var vertx = Launcher.vertx(registry);
    try {
      var started = Launcher.startSandboxed(vertx, real, registry, Clock.systemUTC());
      Throwable failure = started.toCompletionStage().toCompletableFuture()
          .handle((ok, err) -> err).get(30, TimeUnit.SECONDS);
      assertTrue(failure != null && failure.getMessage().contains("FEISHU_APP_ID is set"), String.valueOf(failure));
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}

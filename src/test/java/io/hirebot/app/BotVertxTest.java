package io.hirebot.app;

import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

/** The bot's Vert.x is built without a DNS resolver; the setting that chooses it must not outlive that build. */
class BotVertxTest {
  @Test
  void dnsResolverChoiceStaysWithTheBotsVertx() {
    System.clearProperty("vertx.disableDnsResolver");
    Vertx vertx = Launcher.vertx(Launcher.registry());
    try {
      // Left set, every Vert.x built later in the process (the emulator's, a test's, a future client's) would
      // resolve host names with the JDK's blocking resolver on its event loop.
      assertNull(System.getProperty("vertx.disableDnsResolver"));
    } finally {
      vertx.close().await();
    }
  }
}

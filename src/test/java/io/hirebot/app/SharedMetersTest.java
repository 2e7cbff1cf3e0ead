package io.hirebot.app;

import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * One HTTP server per CPU share one port and one registry (as the bot's verticle instances do). Vert.x's HTTP server
 * meters are off (the bot counts its requests itself, {@code web/RequestMeters}); its client, pool and event-bus meters
 * stay, and Vert.x registers their gauges again on every connection (by design; the values stay right): the log does not
 * say "already registered" for them, and still does for the bot's own meters.
 */
class SharedMetersTest {
  private static final int INSTANCES = 3;

  /** An HTTP server per instance, on one port, as {@code BotVerticle} serves. */
  private static final class Server extends VerticleBase {
    private final int port;

    Server(int port) {
      this.port = port;
    }

    @Override
    public Future<?> start() {
      return vertx.createHttpServer().requestHandler(r -> r.response().end("ok")).listen(port, "127.0.0.1")
          .map((HttpServer s) -> s);
    }
  }

  @Test
  @DisplayName("three servers on one port, twelve client connections: no Vert.x HTTP server meters, no 'already "
      + "registered' for Vert.x's client gauges, one active-connections gauge; our own gauge registered twice is still "
      + "reported")
  void sharedHttpMetersRegisteredOnce() throws IOException {
    Logger micrometer = (Logger) LoggerFactory.getLogger("io.micrometer.core.instrument.MeterRegistry");
    Level before = micrometer.getLevel();
    // After its first warning Micrometer says the same at debug level: listen at debug so an earlier test's warning
    // in this JVM cannot hide ours.
    micrometer.setLevel(Level.DEBUG);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    micrometer.addAppender(logged);
    PrometheusMeterRegistry registry = Launcher.registry();
    Vertx vertx = Launcher.vertx(registry);
    try {
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      await(vertx.deployVerticle(() -> new Server(port), new DeploymentOptions().setInstances(INSTANCES)));
      // A new connection each time: Vert.x hands connections to the servers in turn.
      var client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
      for (int i = 0; i < 4 * INSTANCES; i++) {
        assertEquals("ok", await(client.request(HttpMethod.GET, port, "127.0.0.1", "/")
            .compose(r -> r.send()).compose(r -> r.body())).toString());
      }
      List<String> warnings = new ArrayList<>();
      logged.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains("already registered"))
          .forEach(warnings::add);
      assertEquals(List.of(), warnings);
      long gauges = registry.getMeters().stream()
          .filter(m -> m.getId().getName().equals("vertx.http.client.active.connections")).count();
      assertEquals(1, gauges, "one gauge for all connections");
      String scrape = registry.scrape();
      assertTrue(scrape.contains("vertx_http_client_requests_total"), "the client's requests are counted");
      assertTrue(!scrape.contains("vertx_http_server_"), "no HTTP server meters: " + scrape);

      // The bot's own gauges keep the notice: a second registration of one is a bug worth seeing.
      io.micrometer.core.instrument.Gauge.builder("hirebot.test.gauge", () -> 1).register(registry);
      io.micrometer.core.instrument.Gauge.builder("hirebot.test.gauge", () -> 2).register(registry);
      assertTrue(logged.list.stream().anyMatch(e -> e.getFormattedMessage().contains("name='hirebot.test.gauge'")),
          "our own double registration is still logged");
    } finally {
      micrometer.detachAppender(logged);
      micrometer.setLevel(before);
      await(vertx.close());
    }
  }
}

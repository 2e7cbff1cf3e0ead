package io.hirebot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.InboundHandler;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.bot.inbound.InboundEvent;
import io.hirebot.feishu.inbound.EnvelopeVerifier;
import io.hirebot.feishu.inbound.InboundMapper;
import io.hirebot.feishu.inbound.WebhookGateway;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The HTTP edge in front of a real gateway, on a random port. */
class RoutesTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("a webhook whose mapping throws (a bug, not the sender's doing) is answered 400 'bad request', not left "
      + "without an answer, and the next request is served")
  void mappingThatThrowsIsAnswered() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Neither secret: every well-formed body is accepted. A message asks the mapper for the bot's open_id.
    InboundMapper mapper = new InboundMapper(() -> {
      throw new IllegalStateException("a bug in mapping");
    });
    WebhookGateway gateway = new WebhookGateway(new EnvelopeVerifier(null, null, Clock.systemUTC()), mapper,
        new InboundHandler() {
          @Override
          public Future<Void> onEvent(InboundEvent event, String envelope) {
            return Future.succeededFuture();
          }

          @Override
          public Future<ActionResult> onCardAction(CardAction action) {
            return Future.failedFuture("no clicks here");
          }
        }, new ObjectMapper(), registry);
    Routes routes = new Routes(gateway, () -> Future.succeededFuture(new JsonObject().put("status", "up")), registry,
        Routes.meters(registry), Optional.empty());
    HttpServer server = get(vertx.createHttpServer().requestHandler(routes.handler(vertx)).listen(0, "127.0.0.1"));
    String message = "{\"schema\":\"2.0\",\"header\":{\"event_id\":\"ev_1\",\"event_type\":\"im.message.receive_v1\"},"
        + "\"event\":{\"message\":{\"message_id\":\"om_1\",\"chat_id\":\"oc_1\",\"message_type\":\"text\","
        + "\"content\":\"{\\\"text\\\":\\\"help\\\"}\",\"create_time\":\"1700000000000\"}}}";
    HttpClient client = vertx.createHttpClient();

    assertEquals("400 {\"msg\":\"bad request\"}", send(client, HttpMethod.POST, server.actualPort(), "/webhook/event",
        message));
    assertEquals("200 {\"challenge\":\"c\"}", send(client, HttpMethod.POST, server.actualPort(), "/webhook/card",
        "{\"type\":\"url_verification\",\"challenge\":\"c\"}"));
  }

  /** "status body", or "no answer" when there was none in 3 s. */
  private String send(HttpClient client, HttpMethod method, int port, String path, String body) throws Exception {
    return get(client.request(new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port).setURI(path)
            .setTimeout(3000))
        .compose(req -> req.send(Buffer.buffer(body)))
        .compose(r -> r.body().map(b -> r.statusCode() + " " + b))
        .recover(e -> Future.succeededFuture("no answer: " + e)));
  }

  private static <T> T get(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}

package io.hirebot.sandbox;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Feishu's long-connection gateway (WebSocket + protobuf frames, §6.2 of the protocol reference): the endpoint
 * call, pings, and delivery of event/callback plaintext to a connected SDK client with its ACK; thread-safe.
 */
final class LongConnection {

  static final String ENDPOINT_PATH = "/callback/ws/endpoint";
  static final String WS_PATH = "/ws";
  private static final int SERVICE_ID = 1;

  private final Vertx vertx;
  private final SandboxConfig config;
  private final List<ServerWebSocket> sockets = new CopyOnWriteArrayList<>();
  private final Map<String, Promise<WsFrame>> pendingAcks = new ConcurrentHashMap<>();
  private final List<Promise<Void>> connectWaiters = new CopyOnWriteArrayList<>();
  private volatile int port;

  LongConnection(Vertx vertx, SandboxConfig config) {
    this.vertx = vertx;
    this.config = config;
  }

  /** The WebSocket route must come before any body handler, which would consume the upgrade request. */
  void installSocket(Router router) {
    router.route(HttpMethod.GET, WS_PATH).handler(this::upgrade);
  }

  void installEndpoint(Router router) {
    router.post(ENDPOINT_PATH).handler(this::endpoint);
  }

  void port(int actualPort) {
    this.port = actualPort;
  }

  boolean connected() {
    return !sockets.isEmpty();
  }

  /** Completes once an SDK long-connection client is connected. */
  Future<Void> awaitConnected(Duration timeout) {
    if (connected()) {
      return Future.succeededFuture();
    }
    Promise<Void> p = Promise.promise();
    connectWaiters.add(p);
    vertx.setTimer(timeout.toMillis(), id -> p.tryFail(new java.util.concurrent.TimeoutException("no long connection")));
    if (connected()) {
      p.tryComplete();
    }
    return p.future();
  }

  private void endpoint(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      body = new JsonObject();
    }
    if (body == null || !config.appId().equals(body.getString("AppID")) || !config.appSecret().equals(body.getString("AppSecret"))) {
      ApiReply.json(ctx, 200, new JsonObject().put("code", 514).put("msg", "auth failed: invalid AppID or AppSecret"));
      return;
    }
    String url = "ws://127.0.0.1:" + port + WS_PATH + "?device_id=sandbox-" + Long.toHexString(nextId())
        + "&service_id=" + SERVICE_ID;
    ApiReply.json(ctx, 200, new JsonObject().put("code", 0).put("msg", "ok")
        .put("data", new JsonObject().put("URL", url).put("ClientConfig", clientConfig())));
  }

  private static JsonObject clientConfig() {
    return new JsonObject().put("ReconnectCount", -1).put("ReconnectInterval", 120).put("ReconnectNonce", 0)
        .put("PingInterval", 120);
  }

  private void upgrade(RoutingContext ctx) {
    ctx.request().toWebSocket().onSuccess(ws -> {
      sockets.add(ws);
      ws.closeHandler(v -> sockets.remove(ws));
      ws.binaryMessageHandler(buf -> onFrame(ws, buf));
      connectWaiters.forEach(Promise::tryComplete);
      connectWaiters.clear();
    }).onFailure(err -> ctx.response().setStatusCode(400).end());
  }

  private void onFrame(ServerWebSocket ws, Buffer buf) {
    WsFrame frame = WsFrame.decode(buf.getBytes());
    if (frame.method() == WsFrame.CONTROL && "ping".equals(frame.header("type"))) {
      WsFrame pong = new WsFrame(0, 0, frame.service(), WsFrame.CONTROL, Map.of("type", "pong"),
          clientConfig().encode().getBytes(StandardCharsets.UTF_8));
      ws.writeBinaryMessage(Buffer.buffer(pong.encode()));
    } else if (frame.method() == WsFrame.DATA) {
      Promise<WsFrame> ack = pendingAcks.remove(frame.header("message_id"));
      if (ack != null) {
        ack.tryComplete(frame);
      }
    }
  }

  /** Sends plaintext as a data frame of type event to one connected client and awaits its ACK (3 s budget). */
  Future<PushResult> deliver(String plaintext, String eventId, String messageId) {
    if (sockets.isEmpty()) {
      return Future.failedFuture(new IllegalStateException("no long-connection client is connected"));
    }
    ServerWebSocket ws = sockets.get(ThreadLocalRandom.current().nextInt(sockets.size()));
    String frameMessageId = "msg_" + Long.toHexString(nextId());
    WsFrame frame = new WsFrame(nextId(), nextId(), SERVICE_ID, WsFrame.DATA, Map.of("type", "event",
        "message_id", frameMessageId, "sum", "1", "seq", "0", "trace_id", Long.toHexString(nextId())),
        plaintext.getBytes(StandardCharsets.UTF_8));
    Promise<WsFrame> ack = Promise.promise();
    pendingAcks.put(frameMessageId, ack);
    long start = System.nanoTime();
    long timer = vertx.setTimer(PushTransport.TIMEOUT_MILLIS, id -> {
      pendingAcks.remove(frameMessageId);
      ack.tryFail("timeout");
    });
    ws.writeBinaryMessage(Buffer.buffer(frame.encode()));
    return ack.future().map(reply -> {
      vertx.cancelTimer(timer);
      JsonObject ackBody = new JsonObject(new String(reply.payload(), StandardCharsets.UTF_8));
      String data = ackBody.getString("data");
      String body = data == null ? ackBody.encode() : new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8);
      return new PushResult(ackBody.getInteger("code", 0), Map.copyOf(reply.headers()), body,
          Duration.ofNanos(System.nanoTime() - start), plaintext, eventId, messageId, 1, List.of());
    }).otherwise(err -> new PushResult(0, Map.of(), "no ACK within 3 s", Duration.ofNanos(System.nanoTime() - start),
        plaintext, eventId, messageId, 1, List.of()));
  }

  private static long nextId() {
    return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
  }
}

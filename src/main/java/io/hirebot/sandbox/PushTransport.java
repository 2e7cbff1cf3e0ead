package io.hirebot.sandbox;

import io.hirebot.sandbox.push.EnvelopeCrypto;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Delivers one envelope over HTTP the way Feishu does: encrypted and signed when there is an encrypt key, 3 s budget. */
final class PushTransport {

  /** Feishu's end-to-end budget for an answer. */
  static final long TIMEOUT_MILLIS = 3000;
  /**
   * Feishu pushes each event on its own request and does not queue events behind a few connections; Vert.x's
   * default of 5 per host would make a burst of pushes wait for a connection and miss the 3 s budget here.
   */
  static final int MAX_CONNECTIONS = 256;

  private final SandboxConfig config;
  private final WebClient client;

  PushTransport(Vertx vertx, SandboxConfig config) {
    this.config = config;
    this.client = WebClient.create(vertx, new WebClientOptions(), new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS));
  }

  /** Posts the plaintext envelope to {@code url}; never fails: transport errors become status 0. */
  Future<PushResult> post(String url, String plaintext, String eventId, String messageId, PushOptions options) {
    if (url == null) {
      return Future.failedFuture(new IllegalStateException("bot URLs are not set: call FeishuSandbox.botUrls(...) first"));
    }
    String body = config.encrypted()
        ? new JsonObject().put("encrypt", EnvelopeCrypto.encrypt(config.encryptKey(), plaintext)).encode()
        : plaintext;
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    long seconds = (config.clock().millis() - options.timestampAge().toMillis()) / 1000;
    String timestamp = String.valueOf(seconds);
    String nonce = nonce();
    var request = client.postAbs(url).timeout(TIMEOUT_MILLIS)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("User-Agent", "Feishu-Sandbox")
        .putHeader("X-Lark-Request-Timestamp", timestamp)
        .putHeader("X-Lark-Request-Nonce", nonce);
    if (config.encrypted()) {
      String signature = EnvelopeCrypto.sign(timestamp, nonce, config.encryptKey(), bytes);
      request.putHeader("X-Lark-Signature", options.forgeSignature() ? forge(signature) : signature);
    }
    long start = System.nanoTime();
    return request.sendBuffer(Buffer.buffer(bytes))
        .map(resp -> result(resp, start, plaintext, eventId, messageId))
        .otherwise(err -> new PushResult(0, Map.of(), String.valueOf(err.getMessage()), elapsed(start), plaintext,
            eventId, messageId, 1, List.of()));
  }

  private static PushResult result(HttpResponse<Buffer> resp, long start, String plaintext, String eventId, String messageId) {
    return new PushResult(resp.statusCode(), headers(resp.headers()), resp.bodyAsString(), elapsed(start), plaintext,
        eventId, messageId, 1, List.of());
  }

  private static Duration elapsed(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  private static Map<String, String> headers(MultiMap headers) {
    Map<String, String> out = new LinkedHashMap<>();
    headers.forEach(e -> out.merge(e.getKey().toLowerCase(Locale.ROOT), e.getValue(), (a, b) -> a + ", " + b));
    return out;
  }

  private static String nonce() {
    byte[] b = new byte[8];
    ThreadLocalRandom.current().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private static String forge(String signature) {
    char first = signature.charAt(0) == '0' ? '1' : '0';
    return first + signature.substring(1);
  }

  void close() {
    client.close();
  }
}

package io.hirebot.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's HTTP client to 127.0.0.1: a keep-alive pool of a fixed number of connections, pipelining
 * off (as Feishu's pushes are one request per connection at a time); callbacks on the client's event loops.
 */
public final class BenchHttp implements AutoCloseable {
  /** A response's status and body; status 0 when the request failed on the transport. */
  public record Response(int status, String body) {}

  private static final long REQUEST_TIMEOUT_MS = 10_000;

  private final HttpClientAgent client;

  public BenchHttp(Vertx vertx, int connections) {
    this.client = vertx.createHttpClient(
        new HttpClientOptions().setKeepAlive(true).setPipelining(false).setDefaultHost("127.0.0.1"),
        new PoolOptions().setHttp1MaxSize(connections).setEventLoopSize(2));
  }

  public Future<Response> post(int port, String path, SealedPush push) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setPort(port).setURI(path)
        .setTimeout(REQUEST_TIMEOUT_MS);
    push.headers().forEach(options::putHeader);
    return client.request(options)
        .compose(req -> req.send(Buffer.buffer(push.body())))
        .compose(resp -> resp.body().map(b -> new Response(resp.statusCode(), b.toString())))
        // As for GET: the request's own timeout does not cover a connection stuck in the pool, and one such post
        // once held a flood's sender past the benchmark step's limit (BenchInProcessSmokeTest, the mix, 31 s).
        .timeout(REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .otherwise(e -> new Response(0, String.valueOf(e.getMessage())));
  }

  public Future<Response> get(int port, String path) {
    return get(port, path, REQUEST_TIMEOUT_MS);
  }

  /** A GET that gives up after {@code timeoutMs} (status 0), for polling a server that may not be up yet. */
  public Future<Response> get(int port, String path, long timeoutMs) {
    return client.request(new RequestOptions().setMethod(HttpMethod.GET).setPort(port).setURI(path)
            .setConnectTimeout(timeoutMs).setIdleTimeout(timeoutMs))
        .compose(req -> req.send())
        .compose(resp -> resp.body().map(b -> new Response(resp.statusCode(), b.toString())))
        .timeout(timeoutMs, TimeUnit.MILLISECONDS) // covers a connection stuck in the pool as well
        .otherwise(e -> new Response(0, String.valueOf(e.getMessage())));
  }

  /** Blocks the calling (non-event-loop) thread for the result. */
  public static <T> T await(Future<T> future, Duration timeout) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("benchmark step failed or timed out after " + timeout + ": " + e, e);
    }
  }

  @Override
  public void close() {
    await(client.close(), Duration.ofSeconds(10));
  }
}

package io.hirebot.sandbox;

import com.lark.oapi.Client;
import com.lark.oapi.core.cache.ICache;
import io.vertx.core.Future;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Helpers for sandbox tests: block the JUnit thread on a Future, and an SDK client with its own token cache. */
final class SandboxTestSupport {

  private SandboxTestSupport() {}

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("future did not complete: " + e, e);
    }
  }

  /**
   * A real oapi-sdk client pointed at the sandbox. Building a client makes its cache the SDK's process-wide token
   * cache (the last client built serves every client in the JVM): what keeps two sandboxes' tokens apart is that
   * each has an app id of its own ({@link SandboxConfig#defaults()}), the cache's key.
   */
  static Client sdk(FeishuSandbox sandbox) {
    return Client.newBuilder(sandbox.config().appId(), sandbox.config().appSecret())
        .openBaseUrl(sandbox.baseUrl())
        .tokenCache(new MapCache())
        .requestTimeout(10, TimeUnit.SECONDS)
        .build();
  }

  /** An ICache without expiry, enough for short tests. */
  static final class MapCache implements ICache {
    private final Map<String, String> map = new ConcurrentHashMap<>();

    @Override
    public String get(String key) {
      return map.getOrDefault(key, "");
    }

    @Override
    public void set(String key, String value, int expire, TimeUnit timeUnit) {
      map.put(key, value);
    }
  }
}

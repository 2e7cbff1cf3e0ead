package io.hirebot.feishu.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lark.oapi.core.response.BaseResponse;
import com.lark.oapi.core.response.RawResponse;
import io.hirebot.error.FeishuApiException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** FeishuCalls against scripted SDK responses: how rate limits hold callers back and for how long. */
class FeishuCallsTest {
  private static final Duration DEADLINE = Duration.ofMillis(500);
  private Vertx vertx;
  private WorkerExecutor worker;
  private FeishuCalls calls;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    worker = vertx.createSharedWorkerExecutor("test-feishu", 4);
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    HireCircuit circuit = new HireCircuit(vertx, new HireCircuit.Settings(Duration.ofSeconds(2), 5,
        Duration.ofSeconds(5)), metrics);
    calls = new FeishuCalls(vertx, worker, worker, new RateLimits(vertx, io.hirebot.util.RateBudget.Factory.LOCAL), metrics, () -> { }, circuit, DEADLINE);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private static BaseResponse<Object> response(int status, int code, Map<String, List<String>> headers) {
    RawResponse raw = new RawResponse();
    raw.setStatusCode(status);
    raw.setHeaders(headers);
    BaseResponse<Object> resp = new BaseResponse<>();
    resp.setCode(code);
    resp.setMsg(code == 0 ? "success" : "request trigger frequency limit");
    resp.setRawResponse(raw);
    return resp;
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private Throwable failure(Future<?> f) throws Exception {
    try {
      await(f);
      throw new AssertionError("expected a failure");
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    }
  }

  @Test
  @DisplayName("a 429 whose reset is past the deadline fails at once; callers held back meanwhile make no call and do "
      + "not push the end of Feishu's window back; the first call after the reset reaches Feishu")
  void heldBackCallersDoNotExtendTheWindow() throws Exception {
    AtomicInteger reached = new AtomicInteger();
    Throwable first = failure(calls.call("hire.job.list", () -> {
      reached.incrementAndGet();
      return response(429, 99991400, Map.of("x-ogw-ratelimit-reset", List.of("1"), "X-Tt-Logid", List.of("L429")));
    }));
    FeishuApiException limited = (FeishuApiException) first;
    assertEquals(Duration.ofSeconds(1), limited.waitTime());
    assertEquals("L429", limited.logId());
    for (int i = 0; i < 100; i++) {
      FeishuApiException held = (FeishuApiException) failure(calls.call("hire.job.list", () -> {
        reached.incrementAndGet();
        return response(200, 0, Map.of());
      }));
      assertTrue(held.isRateLimited() && held.logId().equals("L429"), held.getMessage());
    }
    assertEquals(1, reached.get(), "held-back callers never reach Feishu");
    Thread.sleep(1_300);
    await(calls.call("hire.job.list", () -> {
      reached.incrementAndGet();
      return response(200, 0, Map.of());
    }));
    assertEquals(2, reached.get());
  }

  @Test
  @DisplayName("sends to one chat queued behind a busy bulk lane still reach Feishu within that chat's 5/s limit")
  void perChatPacingSurvivesTheBulkQueue() throws Exception {
    // Over two seconds of the app's IM budget queued in the bulk lane (digests to many chats)...
    List<Future<Object>> others = new java.util.ArrayList<>();
    for (int i = 0; i < 100; i++) {
      others.add(calls.call("im.message.create", io.hirebot.util.RateLanes.Lane.BULK,
          () -> response(200, 0, Map.of())));
    }
    // ...and then ten notifications to one chat, each spending the chat's budget too.
    String chat = "oc_one_chat";
    List<Long> arrived = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    List<Future<Object>> toChat = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      toChat.add(calls.call("im.message.create", io.hirebot.util.RateLanes.Lane.BULK, chat, () -> {
        arrived.add(System.nanoTime());
        return response(200, 0, Map.of());
      }));
    }
    await(Future.all(others));
    await(Future.all(toChat));
    // Feishu's per-chat limit, as the sandbox enforces it: a bucket of 5 refilled at 5 a second.
    List<Long> times = arrived.stream().sorted().toList();
    java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong(times.get(0));
    io.hirebot.util.TokenBucket feishu = new io.hirebot.util.TokenBucket(RateLimits.PER_CHAT_PER_SECOND,
        RateLimits.PER_CHAT_PER_SECOND, now::get);
    int refused = 0;
    for (long t : times) {
      now.set(t);
      refused += feishu.tryAcquire() ? 0 : 1;
    }
    System.out.printf("[per-chat] 10 sends to one chat after a 100-call bulk queue: first-to-last %d ms, "
        + "refused by a 5/s chat limit %d%n", TimeUnit.NANOSECONDS.toMillis(times.get(9) - times.get(0)), refused);
    assertEquals(0, refused, "sends to the chat left at (ms after the first) "
        + times.stream().map(t -> TimeUnit.NANOSECONDS.toMillis(t - times.get(0))).toList());
  }
}

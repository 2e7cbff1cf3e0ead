package io.hirebot.feishu.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lark.oapi.core.response.BaseResponse;
import com.lark.oapi.core.response.RawResponse;
import io.hirebot.util.RateBudget;
import io.hirebot.util.RateLanes.Lane;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Bulk IM calls (a digest fan-out) run on threads of their own: however slow they are, a reply still gets a thread. */
class BulkPoolTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private static BaseResponse<Object> ok() {
    RawResponse raw = new RawResponse();
    raw.setStatusCode(200);
    raw.setHeaders(Map.of());
    BaseResponse<Object> resp = new BaseResponse<>();
    resp.setCode(0);
    resp.setMsg("success");
    resp.setRawResponse(raw);
    return resp;
  }

  @Test
  @DisplayName("a reply is sent while bulk sends hold every bulk thread")
  void replyNotQueuedBehindBulk() throws Exception {
    WorkerExecutor im = vertx.createSharedWorkerExecutor("test-im", 2);
    WorkerExecutor bulk = vertx.createSharedWorkerExecutor("test-bulk", 2);
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    HireCircuit circuit = new HireCircuit(vertx, new HireCircuit.Settings(Duration.ofSeconds(2), 5,
        Duration.ofSeconds(5)), metrics);
    FeishuCalls calls = new FeishuCalls(vertx, im, im, bulk, new RateLimits(vertx, RateBudget.Factory.LOCAL), metrics,
        () -> { }, circuit, Duration.ofSeconds(4));
    CountDownLatch replied = new CountDownLatch(1);
    List<Future<Object>> digests = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      // Each digest's call hangs until the reply is out: on one shared pool of 2 threads the reply never would be.
      digests.add(calls.call("im.message.create", Lane.BULK, "oc_chat_" + i, () -> {
        replied.await(10, TimeUnit.SECONDS);
        return ok();
      }));
    }
    Thread.sleep(200); // the digests' calls hold the bulk threads
    calls.call("im.message.reply", Lane.INTERACTIVE, "oc_team", BulkPoolTest::ok).onSuccess(r -> replied.countDown())
        .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertEquals(4, Future.all(digests).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS).size());
  }
}

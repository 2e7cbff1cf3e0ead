package io.hirebot.feishu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lark.oapi.core.token.AccessTokenType;
import com.lark.oapi.service.hire.v1.model.ListJobReq;
import com.lark.oapi.service.hire.v1.model.ListJobRespBody;
import io.hirebot.config.BotConfig.FeishuConfig;
import io.hirebot.sandbox.FeishuSandbox;
import io.hirebot.sandbox.SandboxConfig;
import io.hirebot.util.RateBudget;
import io.hirebot.util.RateLanes.Lane;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The tenant token a cold bot needs is requested once, however many of its first calls ask at the same moment. */
class TokenFetchTest {
  private static final String TOKEN = "/open-apis/auth/v3/tenant_access_token/internal";
  private final Vertx vertx = Vertx.vertx();
  private final FeishuSandbox sandbox = await(FeishuSandbox.start(vertx, SandboxConfig.defaults()));
  private final FeishuClients feishu = new FeishuClients(vertx, new FeishuConfig(sandbox.config().appId(),
      sandbox.config().appSecret(), "", "", sandbox.baseUrl()), new SimpleMeterRegistry(), RateBudget.Factory.LOCAL,
      Duration.ofSeconds(8));

  @AfterEach
  void stop() {
    feishu.close();
    await(sandbox.close());
    await(vertx.close());
  }

  /** Six Hire reads at once, as a start's identity call and scope self-check send them. */
  private List<Future<ListJobRespBody>> sixCallsAtOnce() {
    return IntStream.range(0, 6).mapToObj(i -> feishu.calls().call("hire.job.list", Lane.BULK,
        () -> feishu.client().hire().v1().job().list(ListJobReq.newBuilder().pageSize(1).build()))).toList();
  }

  @Test
  @DisplayName("six calls of a cold client at once make one token request, and all six are answered")
  void oneTokenRequestForConcurrentCalls() {
    // A slow token answer: every call starts while the first call's token request is still in flight.
    sandbox.faults().latency(TOKEN, Duration.ofMillis(300));
    List<Future<ListJobRespBody>> calls = sixCallsAtOnce();
    await(Future.all(calls));
    assertEquals(1, sandbox.requests().count("POST", TOKEN));
    assertEquals(6, sandbox.requests().count("GET", "/open-apis/hire/v1/jobs.*"));
  }

  @Test
  @DisplayName("a failed token request fails the calls that waited for it, and the next call asks again")
  void failedTokenRequestNotKept() {
    sandbox.faults().latency(TOKEN, Duration.ofMillis(300)).failNext("POST", TOKEN, 500, -1, "internal error");
    List<Future<ListJobRespBody>> calls = sixCallsAtOnce();
    await(Future.join(calls).otherwiseEmpty());
    assertEquals(1, sandbox.requests().count("POST", TOKEN));
    assertTrue(calls.stream().allMatch(Future::failed), "every call that waited shares the failure");
    assertEquals(0, sandbox.requests().count("GET", "/open-apis/hire/v1/jobs.*"));
    // Not a Hire call: six failed Hire calls opened the Hire circuit, which would answer for Feishu.
    await(feishu.calls().raw("bot.info",
        () -> feishu.client().get("/open-apis/bot/v3/info", null, AccessTokenType.Tenant)));
    assertEquals(2, sandbox.requests().count("POST", TOKEN));
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}

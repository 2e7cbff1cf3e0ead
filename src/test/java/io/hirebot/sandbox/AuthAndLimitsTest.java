package io.hirebot.sandbox;

import static io.hirebot.sandbox.SandboxTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Token issuing and checking, the 14-day patch rule and the app-wide IM limit, on a clock the test moves. */
class AuthAndLimitsTest {

  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));
  @RegisterExtension
  static final SandboxFixture fixture = SandboxFixture.start(SandboxConfig.defaults().withClock(CLOCK))
      .resettingEachTest();
  private static final FeishuSandbox sandbox = fixture.sandbox;
  private static final WebClient web = fixture.web;

  private HttpResponse<Buffer> token(String appId, String secret) {
    return await(web.postAbs(sandbox.baseUrl() + Gateway.TOKEN_PATH)
        .sendJsonObject(new JsonObject().put("app_id", appId).put("app_secret", secret)));
  }

  /** A token request with the sandbox's own credentials. */
  private HttpResponse<Buffer> appToken() {
    return token(sandbox.config().appId(), sandbox.config().appSecret());
  }

  private String validToken() {
    return appToken().bodyAsJsonObject().getString("tenant_access_token");
  }

  private HttpResponse<Buffer> get(String path, String token) {
    var req = web.getAbs(sandbox.baseUrl() + path);
    if (token != null) {
      req.putHeader("Authorization", "Bearer " + token);
    }
    return await(req.send());
  }

  private HttpResponse<Buffer> post(String path, String token, JsonObject body) {
    return await(web.postAbs(sandbox.baseUrl() + path).putHeader("Authorization", "Bearer " + token).sendJsonObject(body));
  }

  @Test
  @DisplayName("Wrong app id gives 10003 and wrong secret 10014, both HTTP 400 with a log id")
  void wrongCredentials() {
    HttpResponse<Buffer> badId = token("cli_other", sandbox.config().appSecret());
    assertEquals(400, badId.statusCode());
    assertEquals(10003, badId.bodyAsJsonObject().getInteger("code"));
    HttpResponse<Buffer> badSecret = token(sandbox.config().appId(), "nope");
    assertEquals(10014, badSecret.bodyAsJsonObject().getInteger("code"));
    assertNotNull(badSecret.getHeader("X-Tt-Logid"));
    assertEquals(badSecret.getHeader("X-Tt-Logid"), badSecret.bodyAsJsonObject().getJsonObject("error").getString("log_id"));
  }

  @Test
  @DisplayName("A token lasts 2 h: the same one is returned while > 30 min remain; expired tokens give 99991663")
  void tokenLifetime() {
    sandbox.expireTokens();
    JsonObject first = appToken().bodyAsJsonObject();
    assertEquals("ok", first.getString("msg"));
    assertEquals(7200, first.getInteger("expire"));
    String t = first.getString("tenant_access_token");
    assertTrue(t.startsWith("t-"));
    CLOCK.advance(Duration.ofMinutes(60));
    JsonObject same = appToken().bodyAsJsonObject();
    assertEquals(t, same.getString("tenant_access_token"));
    assertEquals(3600, same.getInteger("expire"));
    CLOCK.advance(Duration.ofMinutes(45));
    assertNotEquals(t, appToken().bodyAsJsonObject().getString("tenant_access_token"));
    assertEquals(200, get("/open-apis/bot/v3/info", t).statusCode());
    CLOCK.advance(Duration.ofMinutes(20));
    HttpResponse<Buffer> expired = get("/open-apis/bot/v3/info", t);
    assertEquals(400, expired.statusCode());
    assertEquals(99991663, expired.bodyAsJsonObject().getInteger("code"));
  }

  @Test
  @DisplayName("No Authorization header gives 99991661; bot/v3/info answers under 'bot'")
  void missingToken() {
    assertEquals(99991661, get("/open-apis/hire/v1/jobs", null).bodyAsJsonObject().getInteger("code"));
    JsonObject info = get("/open-apis/bot/v3/info", validToken()).bodyAsJsonObject();
    assertEquals("ou_hirebot", info.getJsonObject("bot").getString("open_id"));
    assertEquals("HireBot", info.getJsonObject("bot").getString("app_name"));
  }

  @Test
  @DisplayName("PATCH after 14 days gives 230031")
  void patchWindow() {
    String t = validToken();
    JsonObject sent = post("/open-apis/im/v1/messages?receive_id_type=chat_id", t, new JsonObject()
        .put("receive_id", ImState.DEMO_TEAM_CHAT).put("msg_type", "interactive").put("content", SdkImFidelityTest.card("a")))
        .bodyAsJsonObject();
    String id = sent.getJsonObject("data").getString("message_id");
    CLOCK.advance(Duration.ofDays(15));
    String fresh = validToken();
    HttpResponse<Buffer> late = await(web.patchAbs(sandbox.baseUrl() + "/open-apis/im/v1/messages/" + id)
        .putHeader("Authorization", "Bearer " + fresh).sendJsonObject(new JsonObject().put("content", SdkImFidelityTest.card("b"))));
    assertEquals(230031, late.bodyAsJsonObject().getInteger("code"));
  }

  @Test
  @DisplayName("More than 50 IM calls in one second give HTTP 429 with 99991400 and the ratelimit headers")
  void appWideImLimit() {
    String t = validToken();
    sandbox.faults().rateLimit(ImRoutes.CHAT_ENDPOINT, 1000);
    HttpResponse<Buffer> limited = null;
    for (int i = 0; i < 60 && limited == null; i++) {
      HttpResponse<Buffer> r = post("/open-apis/im/v1/messages?receive_id_type=chat_id", t, new JsonObject()
          .put("receive_id", ImState.DEMO_TEAM_CHAT).put("msg_type", "text").put("content", "{\"text\":\"" + i + "\"}"));
      if (r.statusCode() == 429) {
        limited = r;
      }
    }
    assertNotNull(limited);
    assertEquals(99991400, limited.bodyAsJsonObject().getInteger("code"));
    assertEquals("50", limited.getHeader("x-ogw-ratelimit-limit"));
    assertEquals("1", limited.getHeader("x-ogw-ratelimit-reset"));
    CLOCK.advance(Duration.ofSeconds(1));
    assertEquals(200, post("/open-apis/im/v1/messages?receive_id_type=chat_id", t, new JsonObject()
        .put("receive_id", ImState.DEMO_TEAM_CHAT).put("msg_type", "text").put("content", "{\"text\":\"again\"}")).statusCode());
  }

  @Test
  @DisplayName("Rate limits can be switched off")
  void limitsOff() {
    String t = validToken();
    sandbox.faults().rateLimits(false);
    String id = sandbox.hire().applications().get(0).id();
    for (int i = 0; i < 30; i++) {
      assertEquals(200, get("/open-apis/hire/v1/applications/" + id + "/get_detail", t).statusCode());
    }
  }

  @Test
  @DisplayName("A burst of get_detail calls is limited to 10/s with HTTP 429, 99991400 and the reset header")
  void getDetailRateLimit() throws Exception {
    String id = sandbox.hire().applications().get(0).id();
    com.lark.oapi.service.hire.v1.model.GetDetailApplicationResp limited = null;
    for (int i = 0; i < 15 && limited == null; i++) {
      com.lark.oapi.service.hire.v1.model.GetDetailApplicationResp r = SandboxTestSupport.sdk(sandbox).hire().v1().application().getDetail(
          com.lark.oapi.service.hire.v1.model.GetDetailApplicationReq.newBuilder().applicationId(id).build());
      if (!r.success()) {
        limited = r;
      }
    }
    assertNotNull(limited, "no call was limited");
    assertEquals(99991400, limited.getCode());
    assertEquals(429, limited.getRawResponse().getStatusCode());
    assertFalse(limited.getRawResponse().getHeaders().getOrDefault("x-ogw-ratelimit-reset",
        limited.getRawResponse().getHeaders().getOrDefault("X-Ogw-Ratelimit-Reset", java.util.List.of())).isEmpty());
  }

  @Test
  @DisplayName("The 6th send into one chat within a second gives 230020 (HTTP 400); the next second is fine again")
  void perChatLimit() {
    String t = validToken();
    JsonObject msg = new JsonObject().put("receive_id", ImState.DEMO_BACKEND_CHAT).put("msg_type", "text")
        .put("content", "{\"text\":\"hi\"}");
    for (int i = 0; i < 5; i++) {
      assertEquals(200, post("/open-apis/im/v1/messages?receive_id_type=chat_id", t, msg).statusCode());
    }
    HttpResponse<Buffer> sixth = post("/open-apis/im/v1/messages?receive_id_type=chat_id", t, msg);
    assertEquals(400, sixth.statusCode());
    assertEquals(230020, sixth.bodyAsJsonObject().getInteger("code"));
    CLOCK.advance(Duration.ofSeconds(1));
    assertEquals(200, post("/open-apis/im/v1/messages?receive_id_type=chat_id", t, msg).statusCode());
  }

  @Test
  @DisplayName("One user's 5/s counts messages sent to their open_id and replies in their private chat alike")
  void perUserLimitSpansOpenIdAndPrivateChat() {
    String t = validToken();
    String user = "ou_budget_user";
    JsonObject toUser = new JsonObject().put("receive_id", user).put("msg_type", "text").put("content", "{\"text\":\"hi\"}");
    for (int i = 0; i < 3; i++) {
      assertEquals(200, post("/open-apis/im/v1/messages?receive_id_type=open_id", t, toUser).statusCode());
    }
    sandbox.im().recordInbound("om_user_typed", ImState.p2pChatId(user));
    JsonObject reply = new JsonObject().put("msg_type", "text").put("content", "{\"text\":\"answer\"}");
    for (int i = 0; i < 2; i++) {
      assertEquals(200, post("/open-apis/im/v1/messages/om_user_typed/reply", t, reply).statusCode());
    }
    HttpResponse<Buffer> sixth = post("/open-apis/im/v1/messages/om_user_typed/reply", t, reply);
    assertEquals(230020, sixth.bodyAsJsonObject().getInteger("code"));
    assertEquals(230020, post("/open-apis/im/v1/messages?receive_id_type=open_id", t, toUser).bodyAsJsonObject()
        .getInteger("code"));
  }
}

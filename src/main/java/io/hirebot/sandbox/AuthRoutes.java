package io.hirebot.sandbox;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** tenant_access_token issuing and bot/v3/info. */
final class AuthRoutes {

  private final SandboxConfig config;
  private final TokenStore tokens;

  AuthRoutes(SandboxConfig config, TokenStore tokens) {
    this.config = config;
    this.tokens = tokens;
  }

  void install(Api api) {
    api.whole(HttpMethod.POST, Gateway.TOKEN_PATH, Api.DEFAULT_RATE, ctx -> {
      JsonObject body = Api.jsonBody(ctx, 10003);
      if (!config.appId().equals(body.getString("app_id"))) {
        throw ApiError.badRequest(10003, "invalid param: app_id is invalid");
      }
      if (!config.appSecret().equals(body.getString("app_secret"))) {
        throw ApiError.badRequest(10014, "app secret invalid");
      }
      TokenStore.Issued t = tokens.issue();
      return new JsonObject().put("code", 0).put("msg", "ok").put("tenant_access_token", t.token()).put("expire", t.expireSeconds());
    });
    api.whole(HttpMethod.GET, "/open-apis/bot/v3/info", Api.DEFAULT_RATE, ctx -> new JsonObject()
        .put("code", 0).put("msg", "ok")
        .put("bot", new JsonObject().put("activate_status", 2).put("app_name", config.botName())
            .put("avatar_url", "").put("ip_white_list", new JsonArray()).put("open_id", config.botOpenId())));
  }
}

package io.hirebot.feishu.outbound;

import com.google.gson.annotations.SerializedName;
import com.lark.oapi.Client;
import com.lark.oapi.core.Constants;
import com.lark.oapi.core.token.AccessTokenType;
import io.vertx.core.Future;

/** Asks Feishu who the bot is ({@code GET /open-apis/bot/v3/info}): its open_id tells mentions of it apart. */
public final class FeishuBotInfo {
  /** Feishu's activate_status of an app enabled in the tenant (0 installing, 1 disabled, 3/4 awaiting enabling…). */
  public static final int ENABLED = 2;

  /** The bot's identity; the response keeps it under {@code bot}, not {@code data}. */
  public record BotIdentity(String openId, String appName, int activateStatus) {}

  /** Body of the token request; a POJO because the SDK's Gson cannot serialise a Map on JDK 17. */
  static final class TokenRequest {
    @SerializedName("app_id")
    final String appId;
    @SerializedName("app_secret")
    final String appSecret;

    TokenRequest(String appId, String appSecret) {
      this.appId = appId;
      this.appSecret = appSecret;
    }
  }

  private final Client client;
  private final FeishuCalls calls;

  public FeishuBotInfo(Client client, FeishuCalls calls) {
    this.client = client;
    this.calls = calls;
  }

  public Future<BotIdentity> fetch() {
    return calls.raw("bot.info", () -> client.get("/open-apis/bot/v3/info", null, AccessTokenType.Tenant))
        .map(body -> new BotIdentity(body.path("bot").path("open_id").asText(""),
            body.path("bot").path("app_name").asText(""), body.path("bot").path("activate_status").asInt(-1)));
  }

  /**
   * Asks for a tenant_access_token with the app's credentials (what the SDK does lazily before the first call),
   * completing with the seconds it has left; fails with Feishu's code (10003 bad app id, 10014 bad secret).
   */
  public Future<Integer> tenantToken(String appId, String appSecret) {
    return calls.raw("auth.tenant_access_token", () -> client.post(Constants.TENANT_ACCESS_TOKEN_INTERNAL_URL_PATH,
            new TokenRequest(appId, appSecret), AccessTokenType.None))
        .map(body -> body.path("expire").asInt(0));
  }
}

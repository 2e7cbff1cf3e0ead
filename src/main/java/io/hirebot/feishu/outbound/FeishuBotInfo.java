package io.hirebot.feishu.outbound;

import com.lark.oapi.Client;
import com.lark.oapi.core.token.AccessTokenType;
import io.vertx.core.Future;

/** Asks Feishu who the bot is ({@code GET /open-apis/bot/v3/info}): its open_id tells mentions of it apart. */
public final class FeishuBotInfo {
  /** The bot's identity; the response keeps it under {@code bot}, not {@code data}. */
  public record BotIdentity(String openId, String appName) {}

  private final Client client;
  private final FeishuCalls calls;

  public FeishuBotInfo(Client client, FeishuCalls calls) {
    this.client = client;
    this.calls = calls;
  }

  public Future<BotIdentity> fetch() {
    return calls.raw("bot.info", () -> client.get("/open-apis/bot/v3/info", null, AccessTokenType.Tenant))
        .map(body -> new BotIdentity(body.path("bot").path("open_id").asText(""),
            body.path("bot").path("app_name").asText("")));
  }
}

package io.hirebot.feishu.inbound;

/** What the HTTP edge writes back to Feishu: a status and a JSON body. */
public record WebhookResponse(int status, String json) {
  public static WebhookResponse ok(String json) {
    return new WebhookResponse(200, json);
  }

  public static WebhookResponse error(int status, String message) {
    // Reasons are our own short constants and never contain quotes; no sender text reaches here.
    return new WebhookResponse(status, "{\"msg\":\"" + message.replace("\"", "'") + "\"}");
  }
}

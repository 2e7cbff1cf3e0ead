package io.hirebot.error;

/**
 * A Feishu OpenAPI call that failed: keeps which call, Feishu's code and msg, the HTTP status and the
 * X-Tt-Logid so a reply can show it and an admin can look the call up in the Feishu console.
 */
public final class FeishuApiException extends RuntimeException {
  /** Feishu's code for a call the app has no scope for ("Access denied. One of the following scopes…"). */
  public static final int MISSING_SCOPE = 99991672;

  private final String operation;
  private final int httpStatus;
  private final int code;
  private final String feishuMsg;
  private final String logId;
  private final String missingScope;

  public FeishuApiException(String operation, int httpStatus, int code, String feishuMsg, String logId) {
    this(operation, httpStatus, code, feishuMsg, logId, "");
  }

  /** @param missingScope the scope to ask the admin for when {@code code} is {@link #MISSING_SCOPE}, else "" */
  public FeishuApiException(String operation, int httpStatus, int code, String feishuMsg, String logId,
      String missingScope) {
    super(operation + " failed: code=" + code + " msg=" + feishuMsg + " http=" + httpStatus + " logid=" + logId);
    this.operation = operation;
    this.httpStatus = httpStatus;
    this.code = code;
    this.feishuMsg = feishuMsg;
    this.logId = logId;
    this.missingScope = missingScope == null ? "" : missingScope;
  }

  public String operation() { return operation; }
  public int httpStatus() { return httpStatus; }
  public int code() { return code; }
  public String feishuMsg() { return feishuMsg; }
  /** X-Tt-Logid of the failed call; empty when the call never reached Feishu. */
  public String logId() { return logId == null ? "" : logId; }

  /** Feishu's gateway rate limit (HTTP 429 / code 99991400) or an IM per-chat frequency limit. */
  public boolean isRateLimited() {
    return httpStatus == 429 || code == 99991400 || code == 230020;
  }

  /** The app lacks a scope for this call: no retry helps, an admin has to add it in the developer console. */
  public boolean isMissingScope() {
    return code == MISSING_SCOPE;
  }

  /** The scope to name to the admin (empty when Feishu named none and the call is unknown). */
  public String missingScope() {
    return missingScope;
  }
}

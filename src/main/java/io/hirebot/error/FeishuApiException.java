package io.hirebot.error;

import java.time.Duration;

/**
 * A Feishu OpenAPI call that failed: keeps which call, Feishu's code and msg, the HTTP status and the
 * X-Tt-Logid so a reply can show it and an admin can look the call up in the Feishu console.
 */
public final class FeishuApiException extends RuntimeException {
  /** Feishu's code for a call the app has no scope for ("Access denied. One of the following scopes…"). */
  public static final int MISSING_SCOPE = 99991672;
  /** IM: "Bot/User can NOT be out of the chat" (feishu-bot-protocol.md §5.6). */
  public static final int BOT_NOT_IN_CHAT = 230002;
  /** IM: the content is over its limit (30 KB for a card). */
  public static final int CARD_TOO_LONG = 230025;
  /** IM: the card content is invalid (sub-codes in the message: 11310 too many elements, 200621 bad JSON, …). */
  public static final int CARD_INVALID = 230099;

  /** How the call failed, which decides what the user is told and whether Feishu counts as down. */
  public enum Kind {
    /** Feishu answered with a non-zero code (a refusal, a rate limit, a server error in Feishu's JSON). */
    ANSWERED,
    /** Something answered, but not Feishu's JSON (a proxy's HTML page, a truncated body). */
    UNREADABLE,
    /** No answer within the time the bot gives a call. */
    NO_ANSWER,
    /** The connection failed (refused, reset, DNS). */
    UNREACHABLE,
    /**
     * Not tried: Feishu failed repeatedly just now and the bot is waiting before probing it again; the HTTP status is
     * the last failure's (0 when it gave none: no answer, no connection).
     */
    NOT_TRIED
  }

  private final String operation;
  private final int httpStatus;
  private final int code;
  private final String feishuMsg;
  private final String logId;
  private final Kind kind;
  private final Duration wait;
  private final String missingScope;

  public FeishuApiException(String operation, int httpStatus, int code, String feishuMsg, String logId) {
    this(operation, httpStatus, code, feishuMsg, logId, "");
  }

  /** @param missingScope the scope to ask the admin for when {@code code} is {@link #MISSING_SCOPE}, else "" */
  public FeishuApiException(String operation, int httpStatus, int code, String feishuMsg, String logId,
      String missingScope) {
    this(Kind.ANSWERED, operation, httpStatus, code, feishuMsg, logId, Duration.ZERO, missingScope);
  }

  /**
   * @param wait for a rate limit, how long Feishu asked to wait; for {@link Kind#NO_ANSWER}, how long the bot
   *     waited; for {@link Kind#NOT_TRIED}, how long ago Feishu last failed; otherwise zero
   */
  public FeishuApiException(Kind kind, String operation, int httpStatus, int code, String feishuMsg, String logId,
      Duration wait) {
    this(kind, operation, httpStatus, code, feishuMsg, logId, wait, "");
  }

  private FeishuApiException(Kind kind, String operation, int httpStatus, int code, String feishuMsg, String logId,
      Duration wait, String missingScope) {
    super(operation + " failed: kind=" + kind + " code=" + code + " msg=" + feishuMsg + " http=" + httpStatus
        + " logid=" + logId + (wait.isZero() ? "" : " wait_ms=" + wait.toMillis()));
    this.operation = operation;
    this.httpStatus = httpStatus;
    this.code = code;
    this.feishuMsg = feishuMsg;
    this.logId = logId;
    this.kind = kind;
    this.wait = wait;
    this.missingScope = missingScope == null ? "" : missingScope;
  }

  public String operation() { return operation; }
  public int httpStatus() { return httpStatus; }
  public int code() { return code; }
  public String feishuMsg() { return feishuMsg; }
  /** X-Tt-Logid of the failed call; empty when the call never reached Feishu. */
  public String logId() { return logId == null ? "" : logId; }
  public Kind kind() { return kind; }
  /** See the constructor: the rate limit's reset, the time waited, or the time since Feishu last failed. */
  public Duration waitTime() { return wait; }

  /** Feishu's gateway rate limit (HTTP 429 / code 99991400) or an IM per-chat frequency limit. */
  public boolean isRateLimited() {
    return httpStatus == 429 || code == 99991400 || code == 230020;
  }

  /** Feishu itself is failing (no answer, no connection, a 5xx): not a refusal of this particular request. */
  public boolean isOutage() {
    return kind == Kind.NO_ANSWER || kind == Kind.UNREACHABLE || kind == Kind.UNREADABLE
        || kind == Kind.ANSWERED && httpStatus >= 500;
  }

  /** The same failure with the rate limit's reset (seconds Feishu asked the caller to wait). */
  public FeishuApiException withWait(Duration wait) {
    return new FeishuApiException(kind, operation, httpStatus, code, feishuMsg, logId, wait, missingScope);
  }

  /**
   * Feishu refused the card itself, not the call: 230025 (over 30 KB), 230099 (invalid card; its message carries the
   * sub-code, 11310 "element exceeds the limit" among them), 11310 and 11311 (a card update's own codes). Sending the
   * same card again cannot help; the user needs the answer in another form.
   */
  public boolean isCardRefused() {
    return kind == Kind.ANSWERED && (code == CARD_TOO_LONG || code == CARD_INVALID || code == 11310 || code == 11311);
  }

  /** The card was refused for its size (230025) rather than its content. */
  public boolean isCardTooLong() {
    return code == CARD_TOO_LONG;
  }

  /**
   * Feishu refused to deliver into the chat because the bot is not in it (230002: removed from the group, or the
   * group dissolved): nothing sent there will arrive until someone adds the bot again.
   */
  public boolean isBotOutOfChat() {
    return code == BOT_NOT_IN_CHAT;
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

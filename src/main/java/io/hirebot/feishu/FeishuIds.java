package io.hirebot.feishu;

import io.hirebot.error.FeishuApiException;
import io.hirebot.i18n.Names;
import io.vertx.core.Future;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The one place that decides whether an id taken from a request may be used, and how it enters a Feishu URL.
 * Ids reach us in event bodies and card-button values that a sender controls; the SDK puts path parameters
 * into the URL as they are (no encoding) and OkHttp then resolves {@code ..} segments, so an unchecked
 * {@code ../../jobs} would turn one call into another. Every id therefore must have its documented shape
 * (message {@code om_…}, chat {@code oc_…}, user {@code ou_…}, Hire ids of letters, digits, {@code _} and
 * {@code -}) and a bounded length, and is percent-encoded as a path segment before it reaches the SDK.
 */
public final class FeishuIds {
  /** Longest id accepted: Feishu's are 19–40 characters; the database keeps ids in VARCHAR(100) columns. */
  public static final int MAX_LENGTH = 64;
  /** Code of the failure when the bot refused to send an id to Feishu (no Feishu code applies: no call was made). */
  public static final int REFUSED_CODE = -1;

  /** The kinds of id we take from requests, each with its documented prefix (Hire ids have none). */
  public enum Kind {
    MESSAGE("message_id", "om_"),
    CHAT("chat_id", "oc_"),
    OPEN_ID("open_id", "ou_"),
    /** Event ids (v2 {@code header.event_id}, v1 {@code uuid}): opaque, used as de-duplication keys. */
    EVENT("event_id", ""),
    /** Job, application, talent, stage, offer, reason ids: digits in Feishu, opaque to us. */
    HIRE("hire id", "");

    private final String label;
    private final String prefix;

    Kind(String label, String prefix) {
      this.label = label;
      this.prefix = prefix;
    }

    public String label() {
      return label;
    }
  }

  private FeishuIds() {}

  /** Whether {@code id} has the shape of a {@code kind}: its prefix, then only safe characters, bounded length. */
  public static boolean valid(Kind kind, String id) {
    return id != null && id.startsWith(kind.prefix) && id.length() > kind.prefix.length() && id.length() <= MAX_LENGTH
        && safe(id);
  }

  /**
   * Only ASCII letters, digits, {@code _} and {@code -}. A loop, not a regex: every event checks several ids on an
   * event loop, and a {@code Matcher} per id was 11 % of the webhook path's allocation (JFR, {@code WebhookCost}).
   */
  private static boolean safe(String id) {
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code id} as a URL path segment for {@code operation}, or a failed future (no Feishu call is made) when it
   * does not have the shape of a {@code kind}. Encoding a valid id changes nothing; it is there so that a future
   * widening of the shape cannot let {@code /} or {@code ..} through.
   */
  public static Future<String> pathSegment(String operation, Kind kind, String id) {
    if (!valid(kind, id)) {
      return Future.failedFuture(refused(operation, kind, id));
    }
    return Future.succeededFuture(URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
  }

  /** {@code id} unchanged for a query parameter or body field (the SDK encodes those), or a failed future. */
  public static Future<String> checked(String operation, Kind kind, String id) {
    return valid(kind, id) ? Future.succeededFuture(id) : Future.failedFuture(refused(operation, kind, id));
  }

  /** Why an id was refused, for logs and replies: its kind and a bounded, printable excerpt. */
  public static String describe(Kind kind, String id) {
    if (id == null) {
      return "missing " + kind.label;
    }
    String excerpt = Names.cut(id, 40);
    return "invalid " + kind.label + " (" + id.length() + " chars: " + excerpt.replaceAll("\\p{Cntrl}", "?") + ")";
  }

  private static FeishuApiException refused(String operation, Kind kind, String id) {
    return new FeishuApiException(operation, 400, REFUSED_CODE, describe(kind, id) + ", not sent to Feishu", "");
  }
}

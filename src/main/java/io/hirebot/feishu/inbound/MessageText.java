package io.hirebot.feishu.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a message's {@code content} JSON string into the plain text commands are parsed from: post
 * paragraphs flattened, {@code @_user_N} placeholders resolved, mentions of the bot removed; pure.
 */
final class MessageText {

  /** The text as the bot reads it, and whether the bot itself was @-mentioned. */
  record Rendered(String text, boolean mentionsBot) {}

  private static final Pattern PLACEHOLDER = Pattern.compile("@_user_\\d+|@_all");
  private static final String ALL = "@_all";

  private MessageText() {}

  /**
   * @param mentions the message's {@code mentions[]} (may be missing)
   * @param botOpenId the bot's open_id, or null while unknown (then no mention counts as the bot's)
   */
  static Rendered render(String messageType, String content, JsonNode mentions, String botOpenId) {
    Map<String, JsonNode> byKey = new HashMap<>();
    boolean mentionsBot = false;
    for (JsonNode mention : mentions == null ? List.<JsonNode>of() : mentions) {
      byKey.put(mention.path("key").asText(""), mention);
      mentionsBot |= isBot(Fields.optional(mention.path("id"), "open_id"), botOpenId);
    }
    String raw;
    switch (messageType) {
      case "text" -> raw = Fields.text(parse(content), "text");
      case "post" -> {
        JsonNode post = parse(content);
        raw = PostText.flatten(post, botOpenId);
        mentionsBot |= PostText.namesBot(post, botOpenId);
      }
      default -> raw = ""; // images, files, cards…: nothing to parse a command from
    }
    String resolved = resolve(Objects.requireNonNullElse(raw, ""), byKey, botOpenId);
    return new Rendered(normalizeSpace(resolved), mentionsBot);
  }

  private static JsonNode parse(String content) {
    if (content == null) {
      throw new MalformedEventException("missing message.content");
    }
    try {
      return PlainJson.parseObject(content);
    } catch (IllegalArgumentException e) {
      throw new MalformedEventException("message.content is not a JSON object");
    }
  }

  /** Bot mentions become a space (so neighbouring words stay apart), others {@code @Name}, {@code @_all} {@code @all}. */
  private static String resolve(String text, Map<String, JsonNode> byKey, String botOpenId) {
    if (text.indexOf('@') < 0) {
      return text; // no placeholder: most group chatter
    }
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement(matcher.group(), byKey, botOpenId)));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String replacement(String placeholder, Map<String, JsonNode> byKey, String botOpenId) {
    if (ALL.equals(placeholder)) {
      return "@all";
    }
    JsonNode mention = byKey.get(placeholder);
    if (mention == null) {
      return placeholder; // not in mentions[]: leave it visible rather than guess
    }
    if (isBot(Fields.optional(mention.path("id"), "open_id"), botOpenId)) {
      return " ";
    }
    String name = Fields.optional(mention, "name");
    return name == null ? placeholder : "@" + name;
  }

  static boolean isBot(String openId, String botOpenId) {
    return openId != null && botOpenId != null && !botOpenId.isEmpty() && openId.equals(botOpenId);
  }

  /**
   * Runs of spaces (any Unicode horizontal space, regex {@code \h}) become one; lines (split at any {@code \R}) are
   * stripped of whitespace at both ends; blank lines dropped. One pass, no regex: it runs for every message, dropped
   * group chatter included, on an event loop (the regex split and a Matcher per line were a tenth of the webhook
   * path's allocation).
   */
  static String normalizeSpace(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int n = text.length();
    int i = 0;
    while (i < n) {
      int lineStart = out.length();
      boolean inSpace = false;
      for (; i < n && !lineBreak(text.charAt(i)); i++) {
        char c = text.charAt(i);
        if (horizontalSpace(c)) {
          if (!inSpace) {
            out.append(' ');
          }
          inSpace = true;
        } else {
          out.append(c);
          inSpace = false;
        }
      }
      i++; // past the line break
      stripLine(out, lineStart);
      if (out.length() > lineStart) {
        out.append('\n');
      }
    }
    if (out.length() > 0) {
      out.setLength(out.length() - 1); // the last line's
    }
    return out.toString();
  }

  /** {@link String#strip} on the line that starts at {@code start} in {@code out} (and runs to its end). */
  private static void stripLine(StringBuilder out, int start) {
    int end = out.length();
    while (end > start && Character.isWhitespace(out.charAt(end - 1))) {
      end--;
    }
    int first = start;
    while (first < end && Character.isWhitespace(out.charAt(first))) {
      first++;
    }
    out.setLength(end);
    if (first > start) {
      out.delete(start, first);
    }
  }

  /** What the regex {@code \R} matches (its {@code \r\n} is two breaks here, with an empty line between, dropped). */
  private static boolean lineBreak(char c) {
    return c == '\n' || c == '\r' || c == '\u000B' || c == '\f' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  /** What the regex {@code \h} matches. */
  private static boolean horizontalSpace(char c) {
    return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u1680' || c == '\u180E' || c >= '\u2000' && c <= '\u200A'
        || c == '\u202F' || c == '\u205F' || c == '\u3000';
  }
}

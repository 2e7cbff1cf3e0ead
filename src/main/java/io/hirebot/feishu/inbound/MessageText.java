package io.hirebot.feishu.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
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
  private static final Pattern LINE_BREAK = Pattern.compile("\\R");
  private static final Pattern HORIZONTAL_SPACE = Pattern.compile("\\h+");
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

  /** Runs of spaces (any Unicode horizontal space) become one; lines are trimmed; blank lines dropped. */
  private static String normalizeSpace(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : LINE_BREAK.split(text)) {
      String collapsed = HORIZONTAL_SPACE.matcher(line).replaceAll(" ").strip();
      if (!collapsed.isEmpty()) {
        lines.add(collapsed);
      }
    }
    return String.join("\n", lines);
  }
}

package io.hirebot.feishu.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Iterator;
import java.util.StringJoiner;

/** Flattens {@code post} (rich text) content to lines of text, keeping {@code @_user_N} placeholders; pure. */
final class PostText {

  private PostText() {}

  /**
   * Accepts {@code {"title","content":[[…]]}} or the same wrapped by locale ({@code {"zh_cn":{…}}}),
   * in which case the first locale in document order is used.
   */
  static String flatten(JsonNode root, String botOpenId) {
    JsonNode post = body(root);
    StringJoiner lines = new StringJoiner("\n");
    String title = Fields.optional(post, "title");
    if (title != null && !title.isBlank()) {
      lines.add(title);
    }
    for (JsonNode paragraph : post.path("content")) {
      StringBuilder line = new StringBuilder();
      for (JsonNode element : paragraph) {
        line.append(render(element, botOpenId));
      }
      lines.add(line);
    }
    return lines.toString();
  }

  /** Whether an {@code at} element names the bot by its real open_id rather than by a placeholder. */
  static boolean namesBot(JsonNode root, String botOpenId) {
    for (JsonNode paragraph : body(root).path("content")) {
      for (JsonNode element : paragraph) {
        if ("at".equals(element.path("tag").asText()) && MessageText.isBot(Fields.optional(element, "user_id"), botOpenId)) {
          return true;
        }
      }
    }
    return false;
  }

  private static JsonNode body(JsonNode root) {
    return root.path("content").isArray() ? root : firstLocale(root);
  }

  private static JsonNode firstLocale(JsonNode root) {
    for (Iterator<JsonNode> it = root.elements(); it.hasNext(); ) {
      JsonNode candidate = it.next();
      if (candidate.path("content").isArray()) {
        return candidate;
      }
    }
    return MissingNode.getInstance();
  }

  private static String render(JsonNode element, String botOpenId) {
    String tag = element.path("tag").asText("");
    return switch (tag) {
      // Padded with spaces: elements carry their own spacing, but an @ always delimits a word.
      case "at" -> " " + at(element, botOpenId) + " ";
      case "a" -> {
        String text = Fields.optional(element, "text");
        yield text != null ? text : empty(Fields.optional(element, "href"));
      }
      default -> empty(Fields.text(element, "text")); // text, md, code_block…; img/media have none
    };
  }

  /** Received posts use {@code @_user_N}; tolerate a raw open_id or "all" as sent by other clients. */
  private static String at(JsonNode element, String botOpenId) {
    String userId = empty(Fields.optional(element, "user_id"));
    if (userId.startsWith("@_")) {
      return userId;
    }
    if ("all".equals(userId)) {
      return "@_all";
    }
    if (MessageText.isBot(userId, botOpenId)) {
      return ""; // reported by namesBot; removed from the text like a placeholder for the bot
    }
    String name = Fields.optional(element, "user_name");
    return "@" + (name != null ? name : userId);
  }

  private static String empty(String s) {
    return s == null ? "" : s;
  }
}

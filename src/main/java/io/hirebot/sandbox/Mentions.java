package io.hirebot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The people a message notifies, read as Feishu reads its content, so a test can assert that no one was pinged.
 *
 * <p>A text message's {@code <at user_id="ou_…">name</at>} mentions that user and {@code <at user_id="all"></at>}
 * everyone (the "发送消息内容" page, text: "支持 @ 用户、@ 所有人"). A card mentions from the markdown it renders: a
 * {@code markdown} component's {@code content} (and its {@code i18n_content}) and a {@code lark_md} text's content
 * accept {@code <at id=…></at>}, {@code <at ids=a,b></at>}, {@code <at email=…></at>} and {@code <at id=all></at>}
 * (reference/feishu-bot-protocol.md §4.1). Markup written as numeric entities ({@code &#60;at …}) is text, and
 * {@code <person id=…>} names someone without notifying them, so neither counts. Whether a PATCHed card notifies
 * again is not documented: {@link SentMessage#mentions()} counts every version, so a test errs on the side of a ping.
 */
public final class Mentions {
  /** The id Feishu uses for "everyone in the chat". */
  public static final String ALL = "all";
  private static final Pattern TEXT_AT = Pattern.compile("<at\\s+user_id\\s*=\\s*\"([^\"]*)\"\\s*>");
  private static final Pattern CARD_AT =
      Pattern.compile("<at\\s+(id|ids|email|user_id)\\s*=\\s*[\"']?([^\"'>\\s]+)[\"']?\\s*>");
  private static final Set<String> MARKDOWN_TAGS = Set.of("markdown", "lark_md");

  private Mentions() {}

  /** Whom a message of {@code msgType} with this parsed {@code content} mentions, in order of appearance. */
  public static List<String> in(String msgType, JsonNode content) {
    List<String> out = new ArrayList<>();
    if (content == null) {
      return out;
    }
    if ("text".equals(msgType)) {
      Matcher m = TEXT_AT.matcher(content.path("text").asText(""));
      while (m.find()) {
        out.add(m.group(1));
      }
    } else if ("interactive".equals(msgType)) {
      card(content, out);
    }
    return out;
  }

  private static void card(JsonNode node, List<String> out) {
    if (node.isObject() && MARKDOWN_TAGS.contains(node.path("tag").asText())) {
      markdown(node.path("content").asText(""), out);
      node.path("i18n_content").forEach(c -> markdown(c.asText(""), out));
    }
    node.forEach(child -> card(child, out));
  }

  private static void markdown(String markdown, List<String> out) {
    Matcher m = CARD_AT.matcher(markdown);
    while (m.find()) {
      if ("ids".equals(m.group(1))) {
        for (String id : m.group(2).split(",")) {
          if (!id.isBlank()) {
            out.add(id.trim());
          }
        }
      } else {
        out.add(m.group(2));
      }
    }
  }
}

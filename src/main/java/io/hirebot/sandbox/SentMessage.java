package io.hirebot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A message the bot sent or replied with, as stored by the sandbox.
 *
 * @param content the parsed content (for {@code interactive}, the card JSON as sent)
 * @param parentId the replied-to message id, null for a plain send
 * @param updates later changes, oldest first
 */
public record SentMessage(
    String messageId,
    String chatId,
    String msgType,
    JsonNode content,
    String parentId,
    String rootId,
    String threadId,
    String uuid,
    Instant createTime,
    List<MessageUpdate> updates) {

  public SentMessage {
    updates = List.copyOf(updates);
  }

  /** The content as the user sees it now: the last update's, or the original. */
  public JsonNode currentContent() {
    return updates.isEmpty() ? content : updates.get(updates.size() - 1).content();
  }

  /** Which version of the content is current: 0 as sent, n after the n-th update. */
  public int version() {
    return updates.size();
  }

  /** The content of one version (0 as sent, n after the n-th update), or null for a version it never had. */
  public JsonNode contentAt(int version) {
    if (version < 0 || version > updates.size()) {
      return null;
    }
    return version == 0 ? content : updates.get(version - 1).content();
  }

  /**
   * Whom this message notifies as Feishu would parse it ({@link Mentions}): its first version's mentions, then each
   * update's, each once, in order; "all" for everyone.
   */
  public List<String> mentions() {
    java.util.Set<String> out = new java.util.LinkedHashSet<>(Mentions.in(msgType, content));
    updates.forEach(u -> out.addAll(Mentions.in(msgType, u.content())));
    return List.copyOf(out);
  }

  public boolean isReply() {
    return parentId != null;
  }

  /** For text messages, the text; else null. */
  public String text() {
    JsonNode t = content.get("text");
    return t == null ? null : t.asText();
  }

  SentMessage withUpdate(MessageUpdate update) {
    List<MessageUpdate> list = new ArrayList<>(updates);
    list.add(update);
    return new SentMessage(messageId, chatId, msgType, content, parentId, rootId, threadId, uuid, createTime, list);
  }
}

package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.SentMessage;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Follow-ups over the wire (issue 17): one person's conversation in the demo team group, each message pushed signed
 * and encrypted as Feishu pushes it, each answer read from the cards the sandbox's IM API received.
 */
class FollowUpsJourneyTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final String ZHANG = "ou_hm_zhang";

  @RegisterExtension
  static final BotHarness h = BotHarness.encrypted();

  @Test
  @DisplayName("candidates for Backend Engineer → next page → 那前端呢 → 第二个人的简历, in one chat")
  void conversation() {
    lexiconLoaded();

    JsonNode backend = say("candidates for Backend Engineer");
    assertTrue(title(backend).contains("Backend Engineer"), title(backend));
    assertTrue(backend.toString().contains("Page 1 of "), backend.toString());

    JsonNode next = say("next page");
    assertTrue(title(next).contains("Backend Engineer"), title(next));
    assertTrue(next.toString().contains("Page 2 of "), next.toString());

    JsonNode frontend = say("那前端呢");
    assertTrue(title(frontend).contains("Frontend Engineer"), title(frontend));
    List<String> people = people(frontend);
    assertTrue(people.size() >= 2, "Frontend Engineer lists two people at least: " + frontend);

    JsonNode profile = say("第二个人的简历");
    assertEquals(people.get(1), title(profile), profile.toString());
  }

  /**
   * The parser reads job names once the bot has sent a card and reloaded its lexicon (nothing reads Hire at start): a
   * different user (whose context is their own) asks until "前端呢" with nothing shown is asked about as a job.
   */
  private static void lexiconLoaded() {
    MessageSpec probe = MessageSpec.group(TEAM).from("ou_user_probe").mentioningBot().text("jobs");
    h.ask(probe);
    for (int i = 0; i < 50; i++) {
      JsonNode asked = h.ask(MessageSpec.group(TEAM).from("ou_user_probe").mentioningBot().text("前端呢"))
          .currentContent();
      if (asked.toString().contains("FE-001")) {
        return;
      }
      await(io.vertx.core.Future.future(p -> h.vertx.setTimer(100, t -> p.complete())));
    }
    throw new AssertionError("the lexicon never loaded");
  }

  private static JsonNode say(String text) {
    SentMessage reply = h.ask(MessageSpec.group(TEAM).from(ZHANG).mentioningBot().text(text));
    assertTrue(reply.isReply());
    return reply.currentContent();
  }

  /** The names on a candidates card, in row order (each row's Advance button names its talent). */
  private static List<String> people(JsonNode card) {
    Set<String> names = new LinkedHashSet<>();
    card.findValues("value").stream().filter(v -> "advance".equals(v.path("action").asText()))
        .forEach(v -> names.add(v.path("name").asText()));
    assertFalse(names.contains(""), card.toString());
    return List.copyOf(names);
  }

  private static String title(JsonNode card) {
    return card.path("header").path("title").path("content").asText();
  }
}

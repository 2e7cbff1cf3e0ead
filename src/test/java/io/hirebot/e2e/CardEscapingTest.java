package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.CardLimits;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Note;
import io.hirebot.sandbox.hire.Talent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hire text and user text are data on every card: what arrives in the sandbox's IM API shows markup
 * literally and mentions nobody; button labels keep Feishu's 100-character limit (issues 11 and 12).
 */
class CardEscapingTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final String HOSTILE_NOTE = "Call back <at id=all></at> <at user_id=\"ou_admin_zhou\"></at>"
      + " <font color='red'>urgent</font> [site](https://evil.example) **now** ~~never~~ `rm`\n# Heading";
  private static final String LONG_TITLE = "Zebra Platform Reliability Engineer for the Distributed Storage and "
      + "Streaming Infrastructure Group (Beijing, Shanghai or Remote)";
  private static final AtomicInteger SENDERS = new AtomicInteger();
  private static final Pattern ENTITY = Pattern.compile("&#(\\d+);");
  @RegisterExtension
  static final BotHarness h = BotHarness.encrypted();

  @BeforeAll
  static void start() {
    var hire = h.sandbox.hire();
    Job backend = hire.jobByCode("BE-001").orElseThrow();
    Talent eve = hire.addTalent("Eve Markup", "13600000009", "eve@example.com");
    Application a = hire.addApplication(backend.id(), eve.id(), hire.stagesOf(backend.id()).get(0).id());
    hire.write(d -> d.notes.put("note_hostile_1", new Note("note_hostile_1", eve.id(), a.id(), "ou_hm_smith",
        HOSTILE_NOTE, 2, System.currentTimeMillis())));
    // Two jobs whose titles are longer than a button may be: "candidates for Zebra" asks which one.
    hire.addJob(LONG_TITLE, "ZB-001", backend.processId(), backend.recruiterId(), backend.hiringManagerIds().get(0));
    hire.addJob(LONG_TITLE + " II", "ZB-002", backend.processId(), backend.recruiterId(),
        backend.hiringManagerIds().get(0));
  }

  private static SentMessage inGroup(String text) {
    MessageSpec spec = MessageSpec.group(TEAM).from("ou_user_alice_" + SENDERS.incrementAndGet()).mentioningBot()
        .text(text);
    PushResult push = await(h.sandbox.events().message(spec));
    assertEquals(200, push.status(), push.body());
    SentMessage reply = await(h.sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId()), TIMEOUT));
    JsonNode card = reply.currentContent();
    assertEquals(List.of(), CardLimits.violations((ObjectNode) card, card.toString()));
    return reply;
  }

  /** Every markdown content of the card, as the sandbox's IM API received it. */
  private static List<String> markdown(JsonNode card) {
    List<String> out = new ArrayList<>();
    collect(card, out);
    return out;
  }

  private static void collect(JsonNode node, List<String> out) {
    if (node.isObject() && "markdown".equals(node.path("tag").asText())) {
      out.add(node.path("content").asText());
      node.path("i18n_content").forEach(c -> out.add(c.asText()));
    }
    node.forEach(child -> collect(child, out));
  }

  /** What Feishu shows for markdown text: the documented numeric entities decoded. */
  private static String shown(String markdown) {
    Matcher m = ENTITY.matcher(markdown);
    return m.replaceAll(r -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(r.group(1)))));
  }

  /** No markdown on the card mentions, colours, links or styles anything the data brought in. */
  private static void assertNoLiveMarkup(List<String> markdown, String... literal) {
    for (String md : markdown) {
      assertFalse(md.contains("<at"), "a live mention: " + md);
      assertFalse(md.contains("<font"), "live styling: " + md);
      assertFalse(md.contains("](https://evil"), "a live link: " + md);
    }
    String all = String.join("\n", markdown.stream().map(CardEscapingTest::shown).toList());
    for (String text : literal) {
      assertTrue(all.contains(text), "shown literally: " + text + " in " + all);
    }
  }

  @Test
  @DisplayName("a Hire note with <at id=all>, <font>, a link, ** and a newline shows literally on the profile and mentions nobody")
  void hostileNoteOnProfile() {
    JsonNode card = inGroup("candidate Eve Markup").currentContent();

    assertEquals("Eve Markup", card.path("header").path("title").path("content").asText());
    assertNoLiveMarkup(markdown(card), "<at id=all></at>", "<at user_id=\"ou_admin_zhou\"></at>",
        "<font color='red'>urgent</font>", "[site](https://evil.example)", "**now** ~~never~~ `rm` # Heading");
  }

  @Test
  @DisplayName("a group message with <at user_id=\"all\"> and garbage gets a help card that echoes it without mentioning anyone")
  void helpCardEchoIsNotAMention() {
    JsonNode card = inGroup("<at user_id=\"all\"></at> xyzzy **plugh** [x](https://evil.example)").currentContent();

    List<String> md = markdown(card);
    assertTrue(md.stream().anyMatch(s -> shown(s).contains("xyzzy")), "the help card echoes the text: " + md);
    // The echo is cut to a short excerpt; what it shows is the text as typed.
    assertNoLiveMarkup(md, "<at user_id=\"all\"></at> xyzzy **plugh**");
  }

  @Test
  @DisplayName("a job title longer than 100 characters gives job buttons of at most 100, ending with an ellipsis")
  void longJobTitleButtons() {
    JsonNode card = inGroup("candidates for Zebra Platform").currentContent();

    List<String> labels = card.findValues("text").stream().filter(t -> "plain_text".equals(t.path("tag").asText()))
        .map(t -> t.path("content").asText()).filter(t -> t.startsWith("Zebra")).toList();
    assertEquals(2, labels.size(), card.toString());
    for (String label : labels) {
      assertTrue(label.codePointCount(0, label.length()) <= 100, label.length() + ": " + label);
      assertTrue(label.endsWith("…"), label);
    }
  }
}

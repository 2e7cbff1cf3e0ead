package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hirebot.cards.SharedActions;
import io.hirebot.feature.understanding.UnderstandingFeature;
import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Job;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A change said not to be made ("don't reject 韩梅梅", "不要淘汰 Li Lei") changes nothing and is answered "Nothing
 * changed" in the language of the sentence's own words, with the person's profile a click away: never the help card
 * (the exploratory pass found the help card, in Chinese for an English sentence about a person with a Chinese name).
 */
class NegatedChangesTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final java.util.concurrent.atomic.AtomicInteger SENDERS = new java.util.concurrent.atomic.AtomicInteger();
  private static final String WRITES = ".*/(terminate|transfer_stage|recover|notes).*";

  @RegisterExtension
  static final BotHarness h = BotHarness.encrypted();

  @BeforeAll
  static void seed() {
    var hire = h.sandbox.hire();
    Job backend = hire.jobByCode("BE-001").orElseThrow();
    String screening = hire.stagesOf(backend.id()).get(0).id();
    hire.addApplication(backend.id(), hire.addTalent("韩梅梅", "13677710001", "han.meimei@example.com").id(), screening);
    hire.addApplication(backend.id(), hire.addTalent("Li Lei", "13677710002", "li.lei@example.com").id(), screening);
  }

  /** A member of the team group (a new one each time: a burst of commands from one person is slowed down). */
  private static SentMessage inGroup(String text) {
    return h.ask(MessageSpec.group(TEAM).from("ou_member_" + SENDERS.incrementAndGet()).mentioningBot().text(text));
  }

  private static String title(SentMessage reply) {
    return reply.currentContent().path("header").path("title").path("content").asText();
  }

  private static boolean hasHan(String text) {
    return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  @ParameterizedTest(name = "[{index}] \"{0}\" → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      don't reject 韩梅梅                | Nothing changed | 韩梅梅
      do not move 韩梅梅 to offer        | Nothing changed | 韩梅梅
      don't reject Li Lei               | Nothing changed | Li Lei
      do not move Li Lei to offer       | Nothing changed | Li Lei
      never advance 韩梅梅               | Nothing changed | 韩梅梅
      不要拒绝韩梅梅                      | 未做任何更改      | 韩梅梅
      不要淘汰 Li Lei                    | 未做任何更改      | Li Lei
      别把 Li Lei 推进到一面               | 未做任何更改      | Li Lei
      """)
  @DisplayName("a negated change writes nothing and says so in the sentence's language, whatever script the name is in")
  void nothingChanged(String typed, String expectedTitle, String person) {
    h.sandbox.requests().reset();

    SentMessage reply = inGroup(typed);

    assertEquals("interactive", reply.msgType(), reply.toString());
    String card = reply.currentContent().toString();
    assertEquals(expectedTitle, title(reply), card);
    assertFalse(card.contains("hirebot · what I can do") || card.contains("hirebot · 我能做什么"),
        "never the help card: " + card);
    assertTrue(card.contains(person), card);
    if (expectedTitle.equals("Nothing changed")) {
      assertFalse(hasHan(card.replace(person, "")), "English but for the name: " + card);
    }
    assertEquals(0, h.sandbox.requests().count("POST", WRITES), "no write reaches Hire");
  }

  @ParameterizedTest(name = "[{index}] \"{0}\" → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      don't reject Zorro Nobody       | Nothing changed | No candidate named “Zorro Nobody” was found
      do not move Zorro Nobody to offer | Nothing changed | No candidate named “Zorro Nobody” was found
      不要淘汰赵无名氏                   | 未做任何更改      | 没有找到名为“赵无名氏”的候选人
      """)
  @DisplayName("a negated change about a name no one has: nothing changed, no one by that name, and no profile button")
  void nobodyByThatName(String typed, String expectedTitle, String says) {
    h.sandbox.requests().reset();

    SentMessage reply = inGroup(typed);

    // (on main: "Nothing changed" and a button to the profile of a person who does not exist)
    String card = reply.currentContent().toString();
    assertEquals(expectedTitle, title(reply), card);
    assertTrue(card.contains(says), card);
    assertEquals(List.of(), reply.currentContent().findValues("value").stream()
        .filter(v -> UnderstandingFeature.RUN.equals(v.path("action").asText())
            || SharedActions.PROFILE_OPEN.equals(v.path("action").asText())).toList(), "no profile button: " + card);
    assertEquals(0, h.sandbox.requests().count("POST", WRITES), "no write reaches Hire");
  }

  @Test
  @DisplayName("in a group not enabled for hiring data, a negated change is refused as a profile would be: whether "
      + "someone has that name is not said there")
  void notEnabledGroupRefused() {
    SentMessage known = h.ask(MessageSpec.group(ImState.DEMO_BACKEND_CHAT).from(DemoTenant.RECRUITER_LI).mentioningBot()
        .text("don't reject Li Lei"));
    SentMessage unknown = h.ask(MessageSpec.group(ImState.DEMO_BACKEND_CHAT).from(DemoTenant.RECRUITER_LI)
        .mentioningBot().text("don't reject Zorro Nobody"));

    for (SentMessage reply : List.of(known, unknown)) {
      assertEquals("text", reply.msgType(), reply.toString());
      assertTrue(reply.text().contains("not been enabled for hiring data"), reply.text());
    }
  }

  /** The answer's one button, which opens the profile of the person it is about. */
  private static JsonNode profileButton(SentMessage reply) {
    List<JsonNode> buttons = reply.currentContent().findValues("value").stream().filter(JsonNode::isObject).toList();
    assertEquals(1, buttons.size(), "one button: " + reply.currentContent());
    return buttons.get(0);
  }

  private static CardActionSpec click(SentMessage card, String who, JsonNode value) {
    return CardActionSpec.on(card.messageId()).by(who).tag("button").value(new JsonObject(value.toString()));
  }

  @Test
  @DisplayName("in a group, the answer's Profile button leaves \"Nothing changed\" as it was for everyone and posts "
      + "the person's profile as a reply to it, once for a double click")
  void profileBelowInGroup() {
    // GIVEN a member's "don't reject Li Lei" answered in the team group
    SentMessage reply = inGroup("don't reject Li Lei");
    h.awaitCardRecorded(reply.messageId());
    JsonNode profile = profileButton(reply);

    // WHEN another member clicks its Profile button, twice
    PushResult first = await(h.sandbox.events().cardAction(click(reply, DemoTenant.RECRUITER_LI, profile)));
    PushResult again = await(h.sandbox.events().cardAction(click(reply, DemoTenant.RECRUITER_LI, profile)));

    // THEN "Nothing changed" is still what the group reads (on main: Li Lei's profile replaced it for everyone)
    for (PushResult click : List.of(first, again)) {
      assertEquals(200, click.status(), click.body());
      assertEquals(List.of(), click.violations());
      assertNull(click.jsonBody().getJsonObject("card"), "the group's card is not replaced: " + click.body());
    }
    SentMessage after = h.sandbox.im().message(reply.messageId()).orElseThrow();
    assertTrue(after.updates().isEmpty(), "the answer is not changed: " + after.updates());
    assertEquals("Nothing changed", title(after));
    assertTrue(first.jsonBody().getJsonObject("toast").encode().contains("below"), first.body());
    // and the profile is one new message in the group, replying to the answer
    SentMessage below = await(h.sandbox.im().awaitMessage(x -> reply.messageId().equals(x.parentId()),
        BotHarness.TIMEOUT));
    assertEquals(TEAM, below.chatId());
    assertEquals("Li Lei", title(below), below.currentContent().toString());
    assertEquals(1, h.sandbox.im().messages().stream().filter(x -> reply.messageId().equals(x.parentId())).count());
  }

  @Test
  @DisplayName("in a private chat, the answer's Profile button shows the profile in its place")
  void profileInPlaceInPrivate() {
    SentMessage reply = h.ask(MessageSpec.p2p(DemoTenant.RECRUITER_LI).text("don't reject Li Lei"));
    h.awaitCardRecorded(reply.messageId());

    PushResult click = await(h.sandbox.events().cardAction(click(reply, DemoTenant.RECRUITER_LI,
        profileButton(reply))));

    assertEquals(200, click.status(), click.body());
    assertEquals(List.of(), click.violations());
    String profile = click.jsonBody().getJsonObject("card").getJsonObject("data").getJsonObject("header")
        .getJsonObject("title").getString("content");
    assertEquals("Li Lei", profile, click.body());
  }

  @ParameterizedTest(name = "[{index}] \"{0}\" → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      should we reject 韩梅梅?           | hirebot · what I can do | candidate 韩梅梅
      要不要淘汰 Li Lei                  | hirebot · 我能做什么      | 候选人 Li Lei
      """)
  @DisplayName("a question about a change still gets the help card naming the profile, in the language of its words")
  void questionsInTheirLanguage(String typed, String expectedTitle, String suggestion) {
    SentMessage reply = inGroup(typed);

    String card = reply.currentContent().toString();
    assertEquals(expectedTitle, title(reply), card);
    assertTrue(card.contains(suggestion), card);
  }
}

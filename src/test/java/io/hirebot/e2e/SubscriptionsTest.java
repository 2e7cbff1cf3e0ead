package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.CardLimits;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Stage;
import io.hirebot.testing.Shown;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Live notifications: subscribe in a chat, Hire events become cards in the subscribed chats only. */
class SubscriptionsTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final String BACKEND = ImState.DEMO_BACKEND_CHAT;
  private static final String ALICE = "ou_user_alice";
  @RegisterExtension
  static final BotHarness h = BotHarness.start(Map.of("HIREBOT_PORT", "0"));
  private static final java.util.concurrent.atomic.AtomicInteger SENT = new java.util.concurrent.atomic.AtomicInteger();

  @BeforeAll
  static void start() {
    h.enableGroup(BACKEND);
  }

  private static String say(String chat, String text) {
    // Each command from another member, so the per-user rate limit never answers instead.
    PushResult push = await(h.sandbox.events().message(MessageSpec.group(chat).from(ALICE + "_" + SENT.incrementAndGet())
        .mentioningBot().text(text)));
    assertEquals(200, push.status(), push.body());
    SentMessage reply = await(h.sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId()), TIMEOUT));
    return reply.currentContent().toString();
  }

  private static Application activeApplication(String jobCode) {
    Job job = h.sandbox.hire().jobByCode(jobCode).orElseThrow();
    return h.sandbox.hire().applicationsOfJob(job.id()).stream().filter(Application::active).findFirst().orElseThrow();
  }

  /**
   * Moves the application in Hire to another stage; the sandbox, like Feishu, pushes
   * hire.application.stage_changed_v1 for it. Returns the new stage.
   */
  private static Stage moveAndPush(Application a) {
    List<Stage> stages = h.sandbox.hire().stagesOf(a.jobId());
    Stage target = stages.stream().filter(s -> !s.id().equals(a.stageId()) && s.type() != 7).findFirst().orElseThrow();
    h.sandbox.hire().moveApplication(a.id(), target.id());
    return target;
  }

  private static SentMessage awaitCard(String chat, String contains) {
    return await(h.sandbox.im().awaitMessage(m -> chat.equals(m.chatId()) && m.parentId() == null
        && m.currentContent().toString().contains(contains), TIMEOUT));
  }

  private static long cardsIn(String chat, String contains) {
    return h.sandbox.im().inChat(chat).stream()
        .filter(m -> m.parentId() == null && m.currentContent().toString().contains(contains)).count();
  }

  @Test
  @DisplayName("a stage change reaches the chat subscribed to the job, not the others, in both languages; kinds filter")
  void stageChangeToSubscribersOnly() {
    assertTrue(say(TEAM, "subscribe job BE-001").contains("Backend Engineer"));
    assertTrue(say(BACKEND, "subscribe job FE-001").contains("Frontend Engineer"));
    // This chat follows BE-002 for offers only: a stage change there is not for it.
    assertTrue(say(BACKEND, "订阅 BE-002 的 offer").contains("后端开发工程师"));

    Application be = activeApplication("BE-001");
    String name = h.sandbox.hire().talent(be.talentId()).orElseThrow().name();
    Stage target = moveAndPush(be);
    SentMessage card = awaitCard(TEAM, name);
    String text = card.currentContent().toString();
    assertTrue(text.contains(target.enName()), text);
    assertTrue(text.contains("\"action\":\"candidates.show\""), text);
    assertEquals(List.of(), CardLimits.violations((ObjectNode) card.currentContent(), text));
    // AND it reads in both languages, the subscription's (English) first: each member sees their client's
    assertTrue(text.contains("\"locales\":[\"en_us\",\"zh_cn\"]") && text.contains("阶段变化")
        && text.contains(target.zhName()) && text.contains("查看候选人"), text);

    Application be2 = activeApplication("BE-002");
    String name2 = h.sandbox.hire().talent(be2.talentId()).orElseThrow().name();
    moveAndPush(be2);
    // Barrier: a stage change for FE-001 reaches BACKEND; by then the others would have too.
    Application fe = activeApplication("FE-001");
    moveAndPush(fe);
    awaitCard(BACKEND, h.sandbox.hire().talent(fe.talentId()).orElseThrow().name());

    assertEquals(0, cardsIn(BACKEND, name), "BACKEND does not follow BE-001");
    assertEquals(0, cardsIn(BACKEND, name2), "BACKEND follows BE-002 for offers only");
    assertEquals(1, cardsIn(TEAM, name));
  }

  @Test
  @DisplayName("an offer status change reaches chats subscribed for offers, with the status")
  void offerChange() {
    say(TEAM, "subscribe job DS-001 to offer");
    Application a = activeApplication("DS-001");
    String name = h.sandbox.hire().talent(a.talentId()).orElseThrow().name();
    var offer = h.sandbox.hire().addOffer(a.id(), 7);
    await(h.sandbox.events().raw("hire.offer.status_changed_v1",
        new JsonObject().put("offer_id", offer.id()).put("offer_status", 7)));
    String text = awaitCard(TEAM, name).currentContent().toString();
    assertTrue(text.contains("accepted"), text);
  }

  @Test
  @DisplayName("subscribing again with other kinds replaces the earlier ones, and the answer says what stops")
  void resubscribeSaysWhatChanged() {
    say(TEAM, "subscribe job UX-001 to new");
    String again = say(TEAM, "subscribe job UX-001 to stage");
    assertTrue(again.contains("stage changes") && again.contains("no longer") && again.contains("new applications"),
        again);
    // The settings card's row of the job (its first text naming it: the English one).
    java.util.regex.Matcher row = java.util.regex.Pattern.compile("\"content\":\"([^\"]*UX Designer[^\"]*)\"")
        .matcher(say(TEAM, "subscriptions"));
    assertTrue(row.find());
    String ux = row.group(1);
    assertTrue(ux.contains("stage changes") && !ux.contains("new applications"), ux);
  }

  @Test
  @DisplayName("subscriptions lists what the chat follows; unsubscribe stops it")
  void listAndUnsubscribe() {
    say(TEAM, "subscribe job UX-001 to new");
    String list = say(TEAM, "subscriptions");
    assertTrue(list.contains("UX Designer") && list.contains("new applications"), list);
    assertTrue(say(TEAM, "unsubscribe job UX-001").contains("no longer"));
    assertTrue(!say(TEAM, "subscriptions").contains("UX Designer"));
    assertTrue(say(TEAM, "取消订阅 UX-001").contains("没有订阅"));
  }

  @Test
  @DisplayName("a candidates card showing an application that changed stage is updated in place")
  void livingCard() {
    PushResult push = await(h.sandbox.events().message(MessageSpec.group(TEAM).from(ALICE).mentioningBot()
        .text("candidates for BE-001")));
    SentMessage card = await(h.sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId()), TIMEOUT));
    String before = card.currentContent().toString();
    Job job = h.sandbox.hire().jobByCode("BE-001").orElseThrow();
    Application shown = h.sandbox.hire().applicationsOfJob(job.id()).stream().filter(Application::active)
        .filter(a -> before.contains("\"application_id\":\"" + a.id() + "\"")).findFirst().orElseThrow();
    // The bot records what the card shows right after Feishu accepted it; a change before that finds no card.
    h.awaitCardRecorded(card.messageId());

    Stage target = moveAndPush(shown);
    await(h.sandbox.requests().await(r -> r.is("PATCH", "/open-apis/im/v1/messages/" + card.messageId())
        && r.status() == 200, TIMEOUT));
    String after = h.sandbox.im().message(card.messageId()).orElseThrow().currentContent().toString();
    assertTrue(after.contains("\"stage_id\":\"" + target.id() + "\""), after);
  }

  @Test
  @DisplayName("the Follow button of a candidates card subscribes the chat it is in; a stranger elsewhere may not")
  void followButton() {
    String closed = "oc_follow_closed";
    h.sandbox.im().addChat(io.hirebot.sandbox.Chat.group(closed, "closed"));
    String jobId = h.sandbox.hire().jobByCode("PM-001").orElseThrow().id();
    PushResult ask = await(h.sandbox.events().message(MessageSpec.group(TEAM).from(ALICE).mentioningBot()
        .text("candidates for job PM-001")));
    SentMessage card = await(h.sandbox.im().awaitMessage(m -> ask.messageId().equals(m.parentId()), TIMEOUT));
    assertTrue(card.currentContent().toString().contains("\"action\":\"subscribe\""));
    JsonObject follow = new JsonObject().put("action", "subscribe").put("job_id", jobId).put("lang", "en_us");

    PushResult ok = await(h.sandbox.events().cardAction(io.hirebot.sandbox.CardActionSpec.on(card.messageId())
        .by(ALICE).value(follow)));
    assertEquals("success", ok.jsonBody().getJsonObject("toast").getString("type"), ok.body());
    assertTrue(say(TEAM, "subscriptions").contains("产品经理"));

    // A card in a group that was disabled since: a stranger cannot point notifications there.
    h.enableGroup(closed);
    PushResult askClosed = await(h.sandbox.events().message(MessageSpec.group(closed).from(ALICE).mentioningBot()
        .text("candidates for job PM-001")));
    SentMessage closedCard = await(h.sandbox.im().awaitMessage(m -> askClosed.messageId().equals(m.parentId()),
        TIMEOUT));
    await(h.bot.groupAccess().set(closed, false, "test-admin"));
    PushResult refused = await(h.sandbox.events().cardAction(io.hirebot.sandbox.CardActionSpec
        .on(closedCard.messageId()).by("ou_user_sun").value(follow)));
    assertEquals("error", refused.jsonBody().getJsonObject("toast").getString("type"), refused.body());
  }

  @Test
  @DisplayName("Follow on a candidates card turns it into 'Following · Unfollow', which its re-renders and a list sent "
      + "later in that chat show too; Unfollow turns it back")
  void followButtonShowsFollowing() {
    // GIVEN a candidates card in a group that follows no job
    String chat = "oc_follow_shown";
    h.sandbox.im().addChat(io.hirebot.sandbox.Chat.group(chat, "follow shown"));
    h.enableGroup(chat);
    SentMessage card = h.ask(MessageSpec.group(chat).from(ALICE).mentioningBot().text("candidates for job CS-001"));
    h.awaitCardRecorded(card.messageId());
    Shown before = shown(card);
    assertEquals(List.of("🔔 Follow this job here"), before.labels("subscribe"), before.all());
    assertEquals(List.of(), before.buttons("unfollow"), before.all());

    // WHEN a member clicks Follow on it
    PushResult followed = await(h.sandbox.events().cardAction(io.hirebot.sandbox.CardActionSpec.on(card.messageId())
        .by(ALICE).tag("button").value(new JsonObject(before.buttons("subscribe").get(0).toString()))));

    // THEN the chat follows the job, and the card says so, offering Unfollow instead of Follow
    assertEquals("success", followed.jsonBody().getJsonObject("toast").getString("type"), followed.body());
    Shown following = shown(card);
    assertEquals(List.of("✓ Following · Unfollow"), following.labels("unfollow"), following.all());
    assertEquals(List.of(), following.buttons("subscribe"), following.all());
    assertTrue(say(chat, "subscriptions").contains("2026 校招软件工程师"));

    // WHEN a change of the job re-renders the card THEN it still says Following
    long patches = h.sandbox.requests().count("PATCH", "/open-apis/im/v1/messages/" + card.messageId());
    moveAndPush(activeApplication("CS-001"));
    await(h.sandbox.requests().await(r -> r.is("PATCH", "/open-apis/im/v1/messages/" + card.messageId())
        && h.sandbox.requests().count("PATCH", "/open-apis/im/v1/messages/" + card.messageId()) > patches, TIMEOUT));
    assertEquals(List.of("✓ Following · Unfollow"), shown(card).labels("unfollow"), shown(card).all());
    // AND a list of the job asked for later in that chat says it from the start, in Chinese too
    Shown later = shown(h.ask(MessageSpec.group(chat).from(ALICE + "_later").mentioningBot().text("CS-001 的候选人")));
    assertEquals(List.of("✓ 已订阅 · 取消订阅"), later.labels("unfollow"), later.all());

    // WHEN Unfollow is clicked THEN the chat follows the job no more and the card offers Follow again
    PushResult unfollowed = await(h.sandbox.events().cardAction(io.hirebot.sandbox.CardActionSpec
        .on(card.messageId()).by(ALICE).tag("button").value(new JsonObject(following.buttons("unfollow").get(0)
            .toString()))));
    assertEquals("success", unfollowed.jsonBody().getJsonObject("toast").getString("type"), unfollowed.body());
    assertEquals(List.of("🔔 Follow this job here"), shown(card).labels("subscribe"), shown(card).all());
    assertFalse(say(chat, "subscriptions").contains("2026 校招软件工程师"));
  }

  /** The card as the message shows it now. */
  private static Shown shown(SentMessage m) {
    return Shown.of((ObjectNode) h.sandbox.im().message(m.messageId()).orElseThrow().currentContent());
  }
}

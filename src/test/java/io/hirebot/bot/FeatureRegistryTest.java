package io.hirebot.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hirebot.command.Command;
import io.hirebot.command.ParseResult;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureRegistryTest {
  private final FeatureRegistry registry = new FeatureRegistry(
      new CommandRouter((unknown, context) -> Future.succeededFuture(new Reply.Text("help"))),
      new ActionRouter(Messages.load()), new ChatSettingsReader(chatId -> Future.succeededFuture(new ChatSettings(chatId,
          false, ZoneId.of("oc_1".equals(chatId) ? "America/Los_Angeles" : "Europe/Berlin"))),
          ZoneId.of("Asia/Shanghai")));

  @Test
  void aSecondHandlerForOneCommandOrActionFailsAtStartUp() {
    registry.command(Command.Help.class, (c, ctx) -> Future.succeededFuture(new Reply.Text("a")));
    registry.action("x.page", (a, l) -> Future.succeededFuture(ActionResult.of(Toast.verbatim(Toast.Type.INFO, "a"))));
    assertThrows(IllegalStateException.class,
        () -> registry.command(Command.Help.class, (c, ctx) -> Future.succeededFuture(new Reply.Text("b"))));
    assertThrows(IllegalStateException.class,
        () -> registry.action("x.page", (a, l) -> Future.succeededFuture(ActionResult.of(Toast.verbatim(Toast.Type.INFO, "b")))));
  }

  @Test
  void oneListenersFailureNeverStopsTheOthers() {
    List<String> heard = new ArrayList<>();
    registry.hireEvents(e -> {
      throw new IllegalStateException("boom");
    }).hireEvents(e -> {
      heard.add("second");
      return Future.succeededFuture();
    }).cardsSent(c -> {
      throw new IllegalStateException("boom");
    }).cardsSent(c -> heard.add("card"));

    Future<Void> all = registry.hireEventListeners().handle(null);
    registry.cardSentListeners().sent(new CardSentListener.SentCard("oc_1", "om_1", null, null, null, null));

    assertEquals(List.of("second", "card"), heard);
    assertTrue(all.failed(), "the event is retried because one listener failed");
  }

  @Test
  void stoppingAChatRunsEveryListener() {
    List<String> stopped = new ArrayList<>();
    registry.chatStopped(chat -> Future.failedFuture("down"))
        .chatStopped(chat -> {
          stopped.add(chat);
          return Future.succeededFuture();
        });
    registry.stopChat("oc_9");
    assertEquals(List.of("oc_9"), stopped);
  }

  @Test
  void theRegistrysOwnRoutersSendUnknownTextAndTheWelcomeToTheOneFeatureThatAnswersThem() {
    FeatureRegistry own = new FeatureRegistry(Messages.load(), ChatSettingsReader.fixed(ZoneId.of("Asia/Shanghai")));
    own.unknownText((unknown, ctx) -> Future.succeededFuture(new Reply.Text("help for " + unknown.text())))
        .botAdded(added -> Future.succeededFuture(new Reply.Text("welcome")));

    Reply help = own.commands().route(new ParseResult.Unknown("hello", "", Language.EN), null).result();
    assertEquals("help for hello", ((Reply.Text) help).text());
    assertEquals("welcome", ((Reply.Text) own.welcome(null).result()).text());
    assertThrows(IllegalStateException.class,
        () -> own.unknownText((unknown, ctx) -> Future.succeededFuture(new Reply.Text("other"))));
    assertThrows(IllegalStateException.class, () -> own.botAdded(added -> Future.succeededFuture(null)));
  }

  @Test
  void aLivingViewIsRenderedByItsFeaturesRendererElseReplayedAsAClickOnItsCard() {
    ObjectMapper json = new ObjectMapper();
    registry.action("x.page", (a, l) -> Future.succeededFuture(new ActionResult(Toast.NONE, json.createObjectNode()
            .put("from", "click " + a.value().path("page").asInt() + " on " + a.messageId() + " in " + a.chatId()
                + " by " + a.operatorId() + " at " + a.zone()))))
        .view("y.page", (view, place) -> Future.succeededFuture(json.createObjectNode()
            .put("from", "own " + place.viewer() + " at " + place.zone())));
    CardPlace place = new CardPlace("oc_1", "om_1", "ou_a");

    // Replayed as a click by the card's viewer on the card itself, in its chat, its dates in the chat's zone.
    assertEquals("click 2 on om_1 in oc_1 by ou_a at America/Los_Angeles", registry.views()
        .render(json.createObjectNode().put("action", "x.page").put("page", 2), place).result().path("from").asText());
    assertEquals("own ou_a at America/Los_Angeles", registry.views()
        .render(json.createObjectNode().put("action", "y.page"), place)
        .result().path("from").asText());
    assertThrows(IllegalStateException.class,
        () -> registry.view("y.page", (view, viewer) -> Future.succeededFuture(null)));
  }
}

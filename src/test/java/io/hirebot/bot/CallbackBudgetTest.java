package io.hirebot.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.bot.inbound.ChatRef;
import io.hirebot.bot.inbound.UserRef;
import io.hirebot.cards.CardTemplates;
import io.hirebot.cards.Cards;
import io.hirebot.error.FeishuApiException;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A click whose work ends after the 2 s answer completes through the callback token's delayed update, which Feishu
 * takes only once it has the answer (delay-update-message-card doc): the update leaves a margin after the answer, and
 * one refused because the answer had not arrived yet is tried again.
 */
class CallbackBudgetTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Vertx vertx = Vertx.vertx();
  private final Messages messages = Messages.load();

  /** When each delayed update was asked for; the first {@code refusals} are refused as Feishu refuses early ones. */
  private static final class Updates implements Messenger {
    final List<Long> at = new CopyOnWriteArrayList<>();
    final Promise<ObjectNode> taken = Promise.promise();
    final int refusals;
    /** Feishu's code for a card it refuses to show (11311), or for its rate limit, refused once; 0 for none. */
    int refuseCard;
    /** Cards sent to the clicker's private chat. */
    final List<ObjectNode> privately = new CopyOnWriteArrayList<>();
    final Promise<ObjectNode> sentPrivately = Promise.promise();
    /** Cards shown to one member of a group, and the ids of those removed again. */
    final List<ObjectNode> alone = new CopyOnWriteArrayList<>();
    final List<String> removed = new CopyOnWriteArrayList<>();
    final Promise<ObjectNode> shownAlone = Promise.promise();
    /** Messages the bot sent that were updated in place (PATCH), by message id. */
    final List<Map.Entry<String, ObjectNode>> patched = new CopyOnWriteArrayList<>();
    final Promise<ObjectNode> patchedOnce = Promise.promise();

    Updates(int refusals) {
      this.refusals = refusals;
    }

    @Override
    public Future<Void> delayedUpdate(String callbackToken, ObjectNode card) {
      at.add(System.nanoTime());
      if (at.size() <= refusals) {
        return Future.failedFuture(new FeishuApiException("im.card.delayed_update", 400, 300030,
            "token cannot be used before the card callback has been answered", "LOG"));
      }
      if (refuseCard != 0) {
        int code = refuseCard;
        refuseCard = 0;
        return Future.failedFuture(new FeishuApiException("im.card.delayed_update", 400, code,
            "card format error", "LOG-CARD"));
      }
      taken.tryComplete(card);
      return Future.succeededFuture();
    }

    @Override
    public Future<String> reply(String chatId, String messageId, Reply reply, String idempotencyKey) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<String> send(String chatId, Reply reply, String idempotencyKey) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<String> sendToUser(String openId, Reply reply, String idempotencyKey) {
      assertEquals("ou_li", openId);
      ObjectNode card = ((Reply.Card) reply).card();
      privately.add(card);
      sentPrivately.tryComplete(card);
      return Future.succeededFuture("om_private_" + privately.size());
    }

    @Override
    public Future<Void> updateCard(String messageId, ObjectNode card) {
      patched.add(Map.entry(messageId, card));
      patchedOnce.tryComplete(card);
      return Future.succeededFuture();
    }

    @Override
    public Future<Sent> sendPrivately(String openId, Reply reply, String idempotencyKey) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<String> sendEphemeral(String chatId, String openId, ObjectNode card) {
      assertEquals("oc_team", chatId);
      assertEquals("ou_li", openId);
      alone.add(card);
      shownAlone.tryComplete(card);
      return Future.succeededFuture("om_alone_" + alone.size());
    }

    @Override
    public Future<Void> deleteEphemeral(String messageId) {
      removed.add(messageId);
      return Future.succeededFuture();
    }

    @Override
    public Messenger bulk() {
      return this;
    }
  }

  @AfterEach
  void close() {
    vertx.close();
  }

  private CallbackBudget budget(Messenger messenger) {
    return budget(messenger, ChatRef.ChatType.P2P);
  }

  /** A budget whose clicked card sits in a chat of this kind. */
  private CallbackBudget budget(Messenger messenger, ChatRef.ChatType kind) {
    ErrorReplies errors = new ErrorReplies(new Cards(CardTemplates.load(JSON, Optional.empty()), JSON), messages);
    return new CallbackBudget(vertx, new Deadline(vertx), messenger, errors, messages,
        new LateAnswers(errors, messages), id -> Future.succeededFuture(Optional.of(kind)));
  }

  private static <T> T await(Promise<T> p) throws Exception {
    return p.future().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  private static CardAction click() {
    return new CardAction("ev_1", new UserRef("ou_li", null, null), "om_card", "oc_team", "c-token", "button",
        JSON.createObjectNode().put("action", "x"), null, Map.of(), null);
  }

  @Test
  @DisplayName("work done just after the answer: the update waits for the answer to travel, and a refusal is retried")
  void updateAfterTheAnswer() throws Exception {
    Updates updates = new Updates(1);
    Promise<ActionResult> work = Promise.promise();
    ObjectNode card = JSON.createObjectNode().put("schema", "2.0");
    long[] answered = new long[1];
    budget(updates).answer(click(), work.future(), Language.EN).onSuccess(a -> {
      answered[0] = System.nanoTime();
      // The work ends right after the "Working on it…" answer went out.
      work.complete(new ActionResult(Toast.verbatim(Toast.Type.SUCCESS, "done"), card));
    });

    ObjectNode taken = updates.taken.future().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    assertEquals(card, taken);
    assertEquals(2, updates.at.size(), "the refused update was tried again");
    long gapMs = TimeUnit.NANOSECONDS.toMillis(updates.at.get(0) - answered[0]);
    System.out.printf("first delayed update %d ms after the answer%n", gapMs);
    assertTrue(gapMs >= CallbackBudget.AFTER_ANSWER_MS - 5, "first update " + gapMs + " ms after the answer");
  }

  @Test
  @DisplayName("in a private chat, a toast alone after the 'result shows in a moment' answer comes as a message of its "
      + "own, saying it; the clicked card stays usable")
  void lateToastInAPrivateChatIsAMessage() throws Exception {
    Updates updates = new Updates(0);
    Promise<ActionResult> work = Promise.promise();
    budget(updates).answer(click(), work.future(), Language.EN).onSuccess(a -> {
      assertTrue(a.toast().text(Language.EN).contains("in a moment"), a.toast().toString());
      // No card of its own: what the work came to is a toast, e.g. "nothing to undo any more".
      work.complete(new ActionResult(Toast.verbatim(Toast.Type.WARNING, "Nothing to undo: it was already undone."), null));
    });

    ObjectNode sent = await(updates.sentPrivately);
    System.out.println("late toast card: " + sent);
    assertTrue(sent.toString().contains("Nothing to undo: it was already undone."), sent.toString());
    // A warning changed nothing: the card says so rather than "Finished".
    assertEquals("Nothing was changed", sent.path("header").path("title").path("content").asText(), sent.toString());
    assertEquals(List.of(), updates.at, "the clicked card was not replaced");
  }

  @Test
  @DisplayName("in a private chat, 'still waiting' at the deadline and then a failure: one message of its own, updated "
      + "from the one to the other; the clicked card (a list, say) is never replaced")
  void deadlineThenFailureInAPrivateChat() throws Exception {
    Updates updates = new Updates(0);
    Promise<ActionResult> work = Promise.promise();
    budget(updates).answer(click(), work.future(), Language.EN);

    ObjectNode waiting = await(updates.sentPrivately);
    assertEquals("Still waiting for Feishu Hire", waiting.path("header").path("title").path("content").asText(),
        waiting.toString());
    work.fail(new io.hirebot.error.ChangeFailedException("change.advance", new FeishuApiException(
        FeishuApiException.Kind.NO_ANSWER, "hire.application.transfer_stage", 0, -1, "", "",
        java.time.Duration.ofSeconds(4))));

    ObjectNode failed = await(updates.patchedOnce);
    System.out.println("the waiting message, updated: " + failed);
    assertEquals("om_private_1", updates.patched.get(0).getKey(), "the 'still waiting' message itself");
    assertTrue(failed.toString().contains("may or may not"), failed.toString());
    assertEquals(1, updates.privately.size(), "no second message");
    assertEquals(List.of(), updates.at, "the clicked card was not replaced");
  }

  @Test
  @DisplayName("in a private chat, 'still waiting' and then the outcome card: the card updates, the waiting message "
      + "says what the click came to")
  void deadlineThenOutcomeInAPrivateChat() throws Exception {
    Updates updates = new Updates(0);
    Promise<ActionResult> work = Promise.promise();
    budget(updates).answer(click(), work.future(), Language.EN);

    await(updates.sentPrivately);
    ObjectNode card = JSON.createObjectNode().put("schema", "2.0");
    work.complete(new ActionResult(Toast.verbatim(Toast.Type.SUCCESS, "Moved Zhang San to Interview"), card));

    assertEquals(card, await(updates.taken));
    ObjectNode settled = await(updates.patchedOnce);
    assertTrue(settled.toString().contains("Moved Zhang San to Interview"), settled.toString());
    assertEquals("Finished", settled.path("header").path("title").path("content").asText(), settled.toString());
  }

  @Test
  @DisplayName("in a group, a late toast goes to the clicker alone and the shared card keeps what the group saw")
  void lateToastInAGroupGoesToTheClickerAlone() throws Exception {
    Updates updates = new Updates(0);
    Promise<ActionResult> work = Promise.promise();
    budget(updates, ChatRef.ChatType.GROUP).answer(click(), work.future(), Language.EN).onSuccess(a ->
        work.complete(new ActionResult(Toast.verbatim(Toast.Type.WARNING, "Nothing to undo: it was already undone."), null)));

    ObjectNode alone = await(updates.shownAlone);
    assertTrue(alone.toString().contains("Nothing to undo: it was already undone."), alone.toString());
    // The notice took the clicker's path: nothing updates the group's card (the token is not even used).
    assertEquals(List.of(), updates.at, "the group's card was not updated");
  }

  @Test
  @DisplayName("in a group, 'still waiting' at the deadline goes to the clicker alone; the outcome card then updates the "
      + "shared card and the notice goes")
  void deadlineNoticeInAGroupThenTheOutcome() throws Exception {
    Updates updates = new Updates(0);
    Promise<ActionResult> work = Promise.promise();
    budget(updates, ChatRef.ChatType.GROUP).answer(click(), work.future(), Language.EN);

    ObjectNode waiting = await(updates.shownAlone);
    System.out.println("still waiting, to the clicker alone: " + waiting);
    assertEquals(List.of(), updates.at, "the group's card was not replaced by 'still waiting'");
    ObjectNode card = JSON.createObjectNode().put("schema", "2.0");
    work.complete(new ActionResult(Toast.verbatim(Toast.Type.SUCCESS, "done"), card));

    assertEquals(card, await(updates.taken));
    for (int i = 0; i < 100 && updates.removed.isEmpty(); i++) {
      Thread.sleep(50);
    }
    assertEquals(List.of("om_alone_1"), updates.removed, "the 'still waiting' notice was removed");
  }

  /** 11311: the card itself; 99991400: Feishu's rate limit past the bot's retries (a retry later could overwrite more). */
  @ParameterizedTest
  @ValueSource(ints = {11311, 99991400})
  @DisplayName("in a group, a late result card Feishu refuses (its card, or its rate limit) is not sent again: the "
      + "clicker alone reads what was done, that the card may be out of date, the code and the log id")
  void refusedLateCardInAGroup(int code) throws Exception {
    Updates updates = new Updates(0);
    updates.refuseCard = code;
    Promise<ActionResult> work = Promise.promise();
    budget(updates, ChatRef.ChatType.GROUP).answer(click(), work.future(), Language.EN).onSuccess(a ->
        work.complete(new ActionResult(Toast.verbatim(Toast.Type.SUCCESS, "Moved Zhang San to Interview"), JSON.createObjectNode().put("schema", "2.0"))));

    ObjectNode alone = await(updates.shownAlone);
    System.out.println("refused card, to the clicker alone: " + alone);
    String text = alone.toString();
    assertTrue(text.contains("Moved Zhang San to Interview"), text);
    assertTrue(text.contains(String.valueOf(code)) && text.contains("LOG-CARD"), text);
    assertTrue(text.contains("out of date"), text);
    assertEquals(1, updates.at.size(), "a refused card is not sent again: it would be refused again");
  }

  @Test
  @DisplayName("in a private chat, a late result card Feishu refuses is told in words in a message of its own")
  void refusedLateCardInAPrivateChat() throws Exception {
    Updates updates = new Updates(0);
    updates.refuseCard = 11311;
    Promise<ActionResult> work = Promise.promise();
    budget(updates).answer(click(), work.future(), Language.EN).onSuccess(a ->
        work.complete(new ActionResult(Toast.verbatim(Toast.Type.SUCCESS, "Moved Zhang San to Interview"), JSON.createObjectNode().put("schema", "2.0"))));

    ObjectNode notice = await(updates.sentPrivately);
    System.out.println("refused card, told privately: " + notice);
    assertTrue(notice.toString().contains("Moved Zhang San to Interview"), notice.toString());
    assertTrue(notice.toString().contains("11311"), notice.toString());
    assertEquals(1, updates.at.size(), "the refused card only: it would be refused again");
    assertEquals(List.of(), updates.alone);
  }
}

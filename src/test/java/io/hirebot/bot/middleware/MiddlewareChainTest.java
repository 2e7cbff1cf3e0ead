package io.hirebot.bot.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.ChatSettingsReader;
import io.hirebot.bot.Toast;
import io.hirebot.bot.inbound.BotMenuClicked;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.bot.inbound.ChatRef;
import io.hirebot.bot.inbound.HireEvent;
import io.hirebot.bot.inbound.IncomingMessage;
import io.hirebot.bot.inbound.UserRef;
import io.hirebot.command.CommandParser;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The chain's steps apply per inbound kind: what each kind meets, and what stops it. */
class MiddlewareChainTest {
  private static final String BOT = "ou_bot";
  /** No gate here reads a chat's settings. */
  private static final ChatSettingsReader NO_SETTINGS = ChatSettingsReader.fixed(ZoneId.of("Asia/Shanghai"));
  private final CommandParser parser = new CommandParser();
  private final List<String> passed = new ArrayList<>();
  private int handled;

  /** A real step that also notes when it was applied. */
  private Middleware noted(Middleware step) {
    return new Middleware() {
      @Override
      public Set<Inbound.Kind> kinds() {
        return step.kinds();
      }

      @Override
      public Future<Answer> apply(Inbound in, Next next) {
        passed.add(step.getClass().getSimpleName());
        return step.apply(in, next);
      }
    };
  }

  private final MiddlewareChain chain = new MiddlewareChain(List.of(noted(new SelfFilter(() -> BOT)),
      noted(new MentionFilter()), noted(new UserRateLimit(Messages.load()))));

  private Answer run(Inbound in) {
    Future<Answer> answer = chain.run(in, () -> {
      handled++;
      return Future.succeededFuture(Answer.NONE);
    });
    assertTrue(answer.isComplete());
    return answer.result();
  }

  private Inbound message(String from, ChatRef.ChatType type, boolean mentioned) {
    return Inbound.event(new IncomingMessage("ev_1", "om_1", new ChatRef("oc_1", type), UserRef.ofOpenId(from),
        "text", "jobs", mentioned, Instant.now()), "{}", parser::parse, NO_SETTINGS::read);
  }

  private static Inbound click(String by) {
    return Inbound.click(new CardAction("ev_c", UserRef.ofOpenId(by), "om_card", "oc_1", "c-token", "button",
        JsonNodeFactory.instance.objectNode().put("action", "jobs.page").put("lang", "en_us"), null, Map.of(), null),
        NO_SETTINGS::read);
  }

  @Test
  @DisplayName("a group message that does not mention the bot stops at the mention filter")
  void unmentioned() {
    assertEquals(Answer.NONE, run(message("ou_a", ChatRef.ChatType.GROUP, false)));
    assertEquals(List.of("SelfFilter", "MentionFilter"), passed);
    assertEquals(0, handled);
  }

  @Test
  @DisplayName("the bot's own message stops at the self-filter")
  void ownMessage() {
    run(message(BOT, ChatRef.ChatType.GROUP, true));
    assertEquals(List.of("SelfFilter"), passed);
    assertEquals(0, handled);
  }

  @Test
  @DisplayName("a Hire event meets neither the filters nor the per-user rate limit")
  void hireEvent() {
    run(Inbound.event(new HireEvent.OfferStatusChanged("ev_h", "of_1", 2), "{}", parser::parse, NO_SETTINGS::read));
    assertEquals(List.of(), passed);
    assertEquals(1, handled);
  }

  @Test
  @DisplayName("a menu click is a private command: rate-limited, never mention-filtered")
  void menuClick() {
    Inbound in = Inbound.event(new BotMenuClicked("ev_m", UserRef.ofOpenId("ou_a"), "jobs"), "{}", parser::parse, NO_SETTINGS::read);
    run(in);
    assertEquals(List.of("UserRateLimit"), passed);
    assertEquals(1, handled);
    assertEquals(null, in.chatId(), "the menu event names no chat; none is invented");
  }

  @Test
  @DisplayName("clicks share the per-user budget commands have: past the burst, a warning toast and no handler")
  void clicksRateLimited() {
    for (int i = 0; i < UserRateLimit.BURST; i++) {
      run(click("ou_clicker"));
    }
    assertEquals(UserRateLimit.BURST, handled);
    Answer over = run(click("ou_clicker"));
    assertEquals(UserRateLimit.BURST, handled);
    ActionResult toast = assertInstanceOf(Answer.Click.class, over).result();
    assertEquals(Toast.Type.WARNING, toast.toast().type());
    assertTrue(passed.stream().allMatch("UserRateLimit"::equals), "a click meets no message filter: " + passed);
  }
}

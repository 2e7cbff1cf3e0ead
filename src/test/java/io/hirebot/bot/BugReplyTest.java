package io.hirebot.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.command.Command;
import io.hirebot.testing.FeatureHarness;
import io.hirebot.testing.Shown;
import io.vertx.core.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a user sees when our own code fails while building their answer: not Feishu's fault, and not a stack. */
class BugReplyTest {
  /** A feature with a bug: its card names a template that does not exist, so building it throws. */
  private static final String THROWS = "test.throws";

  @RegisterExtension
  final FeatureHarness h = FeatureHarness.start().with(h -> registry -> registry.command(Command.Help.class,
      // As features do: read, then build the card from what was read.
      (command, ctx) -> Future.succeededFuture(h.cards.model())
          .map(model -> Reply.card(h.cards.render("no-such-card", model))))
      // A handler with a bug before its first future: it throws instead of failing one.
      .command(Command.ListJobs.class, (command, ctx) -> {
        throw new IllegalStateException("bug in the handler itself");
      })
      .action(THROWS, (action, lang) -> {
        throw new IllegalStateException("bug in the click handler itself");
      }));

  @Test
  @DisplayName("a handler that throws (no future at all): the same reply the bot sends, through the dispatcher's path")
  void handlerThatThrows() {
    Shown shown = h.inGroup("jobs");
    assertTrue(shown.contains("on our side") && shown.all().matches("(?s).*Ref: [0-9a-f]{8}.*"), shown.all());
    assertFalse(shown.contains("IllegalState") || shown.contains("bug in"), shown.all());

    FeatureHarness.Clicked clicked = h.click(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
        .put("action", THROWS), FeatureHarness.ALICE);
    assertEquals(Toast.Type.ERROR, clicked.toastType(), clicked.toString());
    assertTrue(clicked.toast().contains("on our side") && !clicked.toast().contains("bug in"), clicked.toast());
  }

  @Test
  @DisplayName("an IllegalArgumentException while building a card: 'something went wrong on our side' with a "
      + "reference, never 'Feishu Hire did not answer' or the exception")
  void cardBuildingBug() {
    for (String text : new String[] {"help", "帮助"}) {
      Shown shown = h.inGroup(text);
      assertFalse(shown.contains("Feishu Hire did not answer") || shown.contains("飞书招聘暂时无法响应"), shown.all());
      assertTrue(shown.contains("on our side") || shown.contains("我们这边出了问题"), shown.all());
      assertTrue(shown.all().matches("(?s).*(Ref: |参考编号：)[0-9a-f]{8}.*"), shown.all());
      assertFalse(shown.contains("IllegalArgument") || shown.contains("no-such-card") || shown.contains("at io."),
          shown.all());
    }
  }
}

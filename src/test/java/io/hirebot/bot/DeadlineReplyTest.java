package io.hirebot.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.command.Command;
import io.hirebot.testing.FeatureHarness;
import io.hirebot.testing.RecordingMessenger;
import io.hirebot.testing.Shown;
import io.vertx.core.Promise;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A command slower than the 4 s deadline, in the fast layer: the harness runs the dispatcher's own path, so it shows
 * what the bot sends meanwhile and what replaces it (this test waits out the deadline once: ~4 s).
 */
class DeadlineReplyTest {
  private final AtomicReference<Promise<Reply>> pending = new AtomicReference<>();

  @RegisterExtension
  final FeatureHarness h = FeatureHarness.start().with(h -> registry -> registry.command(Command.DigestOff.class,
      (command, ctx) -> {
        Promise<Reply> p = Promise.promise();
        pending.set(p);
        return p.future();
      }));

  @Test
  @DisplayName("past the deadline: 'still waiting' (never a failure), then the late confirmation replaces it")
  void stillWaitingThenConfirmed() {
    long started = System.nanoTime();
    Shown waiting = h.inGroup("digest off");
    System.out.printf("deadline reply after %d ms%n", (System.nanoTime() - started) / 1_000_000);
    assertTrue(waiting.title().contains("Still waiting for Feishu Hire"), waiting.all());
    assertFalse(waiting.contains("did not answer"), waiting.all());

    h.await(() -> {
      pending.get().complete(new Reply.Text("Digest turned off for this chat."));
      return io.vertx.core.Future.succeededFuture();
    });
    // Completing it on the event loop updated the card at once (the recording messenger answers at once).
    RecordingMessenger.Outgoing update = h.messenger.last(RecordingMessenger.Kind.UPDATE_CARD);
    assertTrue(update.shown().contains("Digest turned off for this chat."), update.shown().all());
    assertEquals("Finished", update.shown().title(), update.shown().all());
  }
}

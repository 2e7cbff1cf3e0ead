package io.hirebot.bot.middleware;

import static io.hirebot.testing.MemoryDatabase.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.bot.ChatSettingsReader;
import io.hirebot.bot.InFlight;
import io.hirebot.bot.inbound.ChatRef;
import io.hirebot.bot.inbound.IncomingMessage;
import io.hirebot.bot.inbound.UserRef;
import io.hirebot.command.CommandParser;
import io.hirebot.schedule.MutableClock;
import io.hirebot.store.JdbcProcessedEvents;
import io.hirebot.testing.MemoryDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The durable claim on H2: what an event that the filters drop leaves in the store, and what a kept one leaves. */
class DeduplicateTest {
  private static final String BOT = "ou_bot";
  @RegisterExtension
  static final MemoryDatabase memory = new MemoryDatabase();
  private final CommandParser parser = new CommandParser();
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private JdbcProcessedEvents processed;
  private InFlight inFlight;
  private Deduplicate dedupe;
  private int handled;

  private void fresh() {
    processed = new JdbcProcessedEvents(memory.db, MutableClock.atNow());
    inFlight = new InFlight(memory.vertx, processed, metrics);
    dedupe = new Deduplicate(processed, inFlight, metrics, List.of(new SelfFilter(() -> BOT), new MentionFilter()));
  }

  private Inbound message(String messageId, String from, boolean mentioned) {
    return Inbound.event(new IncomingMessage("ev_" + messageId, messageId, new ChatRef("oc_1", ChatRef.ChatType.GROUP),
        UserRef.ofOpenId(from), "text", "jobs", mentioned, Instant.now()), "{\"m\":\"" + messageId + "\"}",
        parser::parse, ChatSettingsReader.fixed(ZoneId.of("Asia/Shanghai"))::read);
  }

  private Answer run(Inbound in) {
    Answer answer = await(dedupe.apply(in, () -> {
      handled++;
      return Future.succeededFuture(Answer.NONE);
    }));
    await(in.accepted());
    return answer;
  }

  @Test
  @DisplayName("group chatter without a mention is acknowledged and stored finished, without its envelope; its retry is a duplicate")
  void droppedChatter() {
    fresh();
    assertEquals(Answer.NONE, run(message("om_chatter", "ou_a", false)));
    assertEquals(0, handled);
    assertEquals(0, inFlight.size(), "nothing left to finish");
    assertEquals(Arrays.asList(null, true), row("msg:om_chatter"));
    run(message("om_chatter", "ou_a", false));
    assertEquals(1.0, metrics.counter("hirebot.events.duplicate").count());
  }

  @Test
  @DisplayName("the bot's own message is stored finished too")
  void ownMessage() {
    fresh();
    run(message("om_own", BOT, true));
    assertEquals(0, handled);
    assertEquals(Arrays.asList(null, true), row("msg:om_own"));
  }

  @Test
  @DisplayName("a mention is claimed with its envelope (replayable until finished) and handled")
  void mention() {
    fresh();
    Inbound in = message("om_mention", "ou_a", true);
    run(in);
    assertEquals(1, handled);
    assertEquals(Arrays.asList("{\"m\":\"om_mention\"}", false), row("msg:om_mention"));
    assertEquals(1, inFlight.size(), "handled, its finish still to be stored");
  }

  private static List<Object> row(String key) {
    return await(memory.db.run(c -> {
      try (var s = c.prepareStatement("SELECT envelope, done_at IS NOT NULL FROM processed_events WHERE event_key = ?")) {
        s.setString(1, key);
        try (var r = s.executeQuery()) {
          assertTrue(r.next(), "no row for " + key);
          return Arrays.asList(r.getString(1), r.getBoolean(2));
        }
      }
    }));
  }
}

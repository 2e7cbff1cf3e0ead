package io.hirebot.sandbox;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;

/**
 * What the console's clock control needs from the bot it emulates Feishu for: when its next scheduled send (digest,
 * interview reminder) is due, and a way to run its routines at once. The sandbox imports nothing of the bot, so the
 * composition root implements this in sandbox mode ({@link FeishuSandbox#console()}).
 */
public interface BotSchedule {

  /** The earliest time after {@code now} at which a routine of the bot has something to send, if any. */
  Future<Optional<Instant>> nextDue(Instant now);

  /** Runs every routine of the bot now, at the shared clock's time; completes when they have finished. */
  Future<Void> runRoutines();
}

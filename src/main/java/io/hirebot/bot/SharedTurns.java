package io.hirebot.bot;

import io.vertx.core.Future;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One write at a time on an application across every replica on the bot's database: a write runs in the
 * application's turn, which one replica holds at a time, so a click another replica got on the same row waits for the
 * write before it and then starts from what that one left.
 */
public interface SharedTurns {
  /** Why a write did not get its turn, and so was not made. */
  enum Missed {
    /** Another write on the application (on another replica) kept the turn for longer than a click waits. */
    BUSY,
    /** The database did not answer: no one can tell whether another replica is writing on the application. */
    UNAVAILABLE
  }

  /**
   * Runs {@code work} once this replica holds {@code applicationId}'s turn, and lets the turn go when the work ends,
   * however it ends; or, when the turn cannot be had, completes with {@code instead} and runs nothing.
   */
  <T> Future<T> inTurn(String applicationId, Supplier<Future<T>> work, Function<Missed, Future<T>> instead);

  /** The turn of a bot that runs alone: always free at once (the process's own queue orders its writes). */
  SharedTurns ALONE = new SharedTurns() {
    @Override
    public <T> Future<T> inTurn(String applicationId, Supplier<Future<T>> work, Function<Missed, Future<T>> instead) {
      return work.get();
    }
  };
}

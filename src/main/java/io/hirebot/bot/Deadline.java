package io.hirebot.bot;

import io.hirebot.error.FeishuApiException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/** The command deadline: every user is answered in time, whatever Hire does, while the work itself goes on. */
public final class Deadline {
  /**
   * Every user is answered within 5 s whatever Feishu Hire does (issue 12): by then a command replies, and a slow
   * click's card is updated, with what failed; the rest of the 5 s is for sending the answer.
   */
  public static final Duration COMMAND = Duration.ofMillis(4_000);

  private final Vertx vertx;

  public Deadline(Vertx vertx) {
    this.vertx = vertx;
  }

  /**
   * Whether {@code failure} is this deadline passing (not a failed Hire call): the work may still succeed, so what
   * the user is shown meanwhile must not say it failed.
   */
  public static boolean passed(Throwable failure) {
    return failure instanceof FeishuApiException fe && fe.kind() == FeishuApiException.Kind.NO_ANSWER
        && fe.operation().isEmpty();
  }

  /**
   * The work's outcome, or after {@code millis} a failure saying Hire has not finished in time ({@code expired} is
   * then set, and {@link #passed} tells the failure apart); the work itself goes on.
   */
  public <T> Future<T> within(Future<T> work, long millis, AtomicBoolean expired) {
    Promise<T> bounded = Promise.promise();
    long timer = vertx.setTimer(Math.max(1, millis), t -> {
      if (!bounded.future().isComplete()) {
        // Set first: the failure's listeners run at once and ask whether the deadline passed.
        expired.set(true);
        bounded.fail(new FeishuApiException(FeishuApiException.Kind.NO_ANSWER, "", 0, -1,
            "no answer within the command deadline", "", COMMAND));
      }
    });
    work.onComplete(r -> {
      vertx.cancelTimer(timer);
      if (r.succeeded()) {
        bounded.tryComplete(r.result());
      } else {
        bounded.tryFail(r.cause());
      }
    });
    return bounded.future();
  }
}

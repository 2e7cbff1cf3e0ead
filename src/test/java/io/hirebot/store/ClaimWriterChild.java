package io.hirebot.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A process that claims events on an H2 file for ever, 8 at a time as under load, and prints each key once its
 * claim was answered (what a 200 would say), so {@link ClaimsAfterKillTest} can kill it mid-write and check each one.
 * Every third event is kept (claimed with its envelope), the rest claimed finished; half the kept ones are finished a
 * wave later, the other half never (handlers still running when the process dies).
 * {@code java -cp … io.hirebot.store.ClaimWriterChild <h2 url>}.
 */
public final class ClaimWriterChild {
  private ClaimWriterChild() {}

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    Database db = Database.open(vertx, args[0], "", "").toCompletionStage().toCompletableFuture()
        .get(60, TimeUnit.SECONDS);
    JdbcProcessedEvents claims = new JdbcProcessedEvents(db, Clock.systemUTC());
    List<String> finishing = List.of();
    for (int wave = 0; ; wave++) {
      List<Future<Boolean>> claimed = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        int n = wave * 8 + i;
        String key = ClaimsAfterKillTest.key(n);
        keys.add(key);
        claimed.add(ClaimsAfterKillTest.kept(n) ? claims.claim(key, ClaimsAfterKillTest.envelope(n))
            : claims.claimFinished(key));
      }
      List<Future<Void>> finished = new ArrayList<>();
      finishing.forEach(key -> finished.add(claims.done(key)));
      Future.all(claimed).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      Future.all(finished).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < keys.size(); i++) {
        if (!claimed.get(i).result()) {
          throw new IllegalStateException("claimed twice: " + keys.get(i));
        }
        out.append("claimed ").append(keys.get(i)).append('\n');
      }
      finishing.forEach(key -> out.append("done ").append(key).append('\n'));
      System.out.print(out);
      System.out.flush();
      finishing = keys.stream().filter(k -> ClaimsAfterKillTest.kept(ClaimsAfterKillTest.number(k))
          && ClaimsAfterKillTest.number(k) % 2 == 0).toList();
    }
  }
}

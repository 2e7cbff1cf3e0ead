package io.hirebot.feature.understanding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.Job;
import io.hirebot.hire.JobTeam;
import io.hirebot.testing.FakeHireDirectory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.AbstractList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The parser's lexicon, rebuilt from Hire's jobs after a card was sent. */
class LiveLexiconTest {

  @Test
  @SuppressWarnings("unchecked") // the proxy hands back the fake's Future<List<Job>> for jobs()
  @DisplayName("the rebuild after a card (every open job's title, tens of ms for a thousand jobs) runs on no event loop")
  void rebuiltOffTheEventLoop() throws Exception {
    // GIVEN a tenant's jobs, and a record of the threads that read them while the lexicon is built
    FakeHireDirectory fake = new FakeHireDirectory();
    for (int i = 0; i < 50; i++) {
      fake.addJob(new Job("j" + i, "JOB-" + i, "Backend Engineer " + i, "p", true),
          new JobTeam("j" + i, "ou_r", List.of(), List.of()));
    }
    Set<String> readOn = ConcurrentHashMap.newKeySet();
    HireDirectory hire = (HireDirectory) Proxy.newProxyInstance(HireDirectory.class.getClassLoader(),
        new Class<?>[] {HireDirectory.class}, (proxy, method, args) -> {
          try {
            Object answer = method.invoke(fake, args);
            return method.getName().equals("jobs")
                ? ((Future<List<Job>>) answer).map(jobs -> new ReadOn<>(jobs, readOn)) : answer;
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    Vertx vertx = Vertx.vertx();
    try {
      LiveLexicon lexicon = new LiveLexicon(vertx, hire);

      // WHEN a card is sent, on an event loop as replies are
      vertx.getOrCreateContext().runOnContext(v -> lexicon.refreshIfStale());
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (lexicon.get().jobCount() < 50 && System.nanoTime() < until) {
        Thread.sleep(20);
      }

      // THEN the lexicon knows the jobs, and no event loop read them
      assertEquals(50, lexicon.get().jobCount());
      assertFalse(readOn.isEmpty(), "the jobs were read");
      assertEquals(List.of(), readOn.stream().filter(t -> t.startsWith("vert.x-eventloop-thread-")).toList(),
          "threads that read the jobs to build the lexicon: " + readOn);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  /** A list that notes the thread of every read. */
  private static final class ReadOn<T> extends AbstractList<T> {
    private final List<T> list;
    private final Set<String> threads;

    ReadOn(List<T> list, Set<String> threads) {
      this.list = list;
      this.threads = threads;
    }

    @Override
    public T get(int index) {
      threads.add(Thread.currentThread().getName());
      return list.get(index);
    }

    @Override
    public int size() {
      threads.add(Thread.currentThread().getName());
      return list.size();
    }
  }
}

package io.hirebot.bench;

import com.sun.management.ThreadMXBean;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import java.lang.management.ManagementFactory;
import java.util.function.IntToLongFunction;

/**
 * CPU and bytes allocated per {@link Messages#get} with arguments, on one thread, after warm-up: a card of candidates
 * asks for a dozen texts, so a parse per call shows in the bot's CPU per command. Run by hand:
 * {@code java -cp target/classes:target/test-classes:<deps> io.hirebot.bench.MessagesCost [rounds]}.
 */
public final class MessagesCost {
  private MessagesCost() {}

  public static void main(String[] args) {
    Messages messages = Messages.load();
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    long sink = 0;
    for (int pass = 0; pass < 3; pass++) {
      sink += measure(threads, "plain {0}", rounds, i -> messages.get(lang(i), "error.scope", "hire:job:readonly")
          .length());
      sink += measure(threads, "3 with choices", rounds, i ->
          messages.get(lang(i), "candidates.page", i % 7 + 1, 9, i % 30).length()
              + messages.get(lang(i), "candidates.summary", "Backend Engineer", i % 3).length()
              + messages.get(lang(i), "jobs.subtitle.keyword", i % 12, "engineer").length());
    }
    System.out.println("sink " + sink);
  }

  private static Language lang(int i) {
    return (i & 1) == 0 ? Language.EN : Language.ZH;
  }

  private static long measure(ThreadMXBean threads, String what, int rounds, IntToLongFunction round) {
    long sink = 0;
    long bytes = threads.getCurrentThreadAllocatedBytes();
    long cpu = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < rounds; i++) {
      sink += round.applyAsLong(i);
    }
    System.out.printf("%s: %.0f ns CPU, %d B allocated per round (%d rounds)%n", what,
        (threads.getCurrentThreadCpuTime() - cpu) / (double) rounds,
        (threads.getCurrentThreadAllocatedBytes() - bytes) / rounds, rounds);
    return sink;
  }
}

package io.hirebot.bench;

import io.hirebot.sandbox.FeishuSandbox;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.RecordedRequest;
import io.hirebot.sandbox.SentMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Sends one command the way a user does (an @-mention pushed by the emulator) and times it from the push to
 * the reply arriving at the emulator's IM API, counting the Hire calls that reached the emulator meanwhile.
 */
final class CommandProbe {
  /** One command: wall time push → reply, when each Hire call reached the emulator, and the reply itself. */
  record Sample(long nanos, List<Instant> hireCalls, SentMessage reply) {
    /**
     * Upstream round trips on the critical path: Hire calls arriving more than {@code minGap} after the previous
     * one started a new wave (calls made in parallel arrive together; a dependent call waits for the upstream
     * latency). Robust to CPU noise as long as it stays under {@code minGap}.
     */
    int waves(Duration minGap) {
      List<Instant> sorted = hireCalls.stream().sorted().toList();
      int waves = 0;
      Instant previous = null;
      for (Instant t : sorted) {
        if (previous == null || Duration.between(previous, t).compareTo(minGap) > 0) {
          waves++;
        }
        previous = t;
      }
      return waves;
    }
  }

  /** When (System.nanoTime) a reply reached the emulator. */
  private record Arrival(long at, SentMessage message) {}

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final AtomicLong SEQ = new AtomicLong();

  private final FeishuSandbox sandbox;
  private final LongFunction<String> chats;

  CommandProbe(FeishuSandbox sandbox, BenchTenant tenant) {
    this(sandbox, tenant::chat);
  }

  /** Asks the n-th command in the group chat {@code chats.apply(n)}, which the bot under test must have enabled. */
  CommandProbe(FeishuSandbox sandbox, LongFunction<String> chats) {
    this.sandbox = sandbox;
    this.chats = chats;
  }

  Sample ask(String text) {
    long n = SEQ.incrementAndGet();
    String id = "om_bench_cmd_" + n;
    int logBefore = sandbox.requests().all().size();
    var replied = sandbox.im().awaitMessage(m -> id.equals(m.parentId()), TIMEOUT)
        .map(m -> new Arrival(System.nanoTime(), m));
    // On the emulator's clock, which stamps each request with its arrival: a call that reached Hire before the
    // push (the fresh bot's start-up self-check) is not the command's, though it may be answered during it.
    Instant pushed = sandbox.config().clock().instant();
    long t0 = System.nanoTime();
    PushResult push = BenchHttp.await(sandbox.events().message(
        MessageSpec.group(chats.apply(n)).from(Envelopes.sender(n)).mentioningBot().text(text).messageId(id)), TIMEOUT);
    if (push.status() != 200) {
      throw new IllegalStateException("push of '" + text + "' answered " + push.status() + " " + push.body());
    }
    Arrival done = BenchHttp.await(replied, TIMEOUT);
    List<RecordedRequest> log = sandbox.requests().all();
    List<Instant> hire = log.subList(logBefore, log.size()).stream().filter(CommandProbe::isHire)
        .map(RecordedRequest::time).filter(arrived -> !arrived.isBefore(pushed)).toList();
    return new Sample(done.at() - t0, hire, done.message());
  }

  /** Hire requests the emulator has answered so far. */
  long hireCalls() {
    return sandbox.requests().all().stream().filter(CommandProbe::isHire).count();
  }

  /** How many requests of any kind the emulator has recorded: a mark for {@link #hireSince}. */
  int requestMark() {
    return sandbox.requests().all().size();
  }

  /** The Hire requests answered since {@code mark}. */
  List<RecordedRequest> hireSince(int mark) {
    List<RecordedRequest> log = sandbox.requests().all();
    return log.subList(Math.min(mark, log.size()), log.size()).stream().filter(CommandProbe::isHire).toList();
  }

  private static boolean isHire(RecordedRequest r) {
    return r.path().startsWith("/open-apis/hire/");
  }
}

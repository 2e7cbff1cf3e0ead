package io.hirebot.bench;

import io.hirebot.sandbox.FeishuSandbox;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.RecordedRequest;
import io.hirebot.sandbox.SentMessage;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends one command the way a user does (an @-mention pushed by the emulator) and times it from the push to
 * the reply arriving at the emulator's IM API, counting the Hire calls made meanwhile.
 */
final class CommandProbe {
  /** One command: wall time push → reply, Hire calls, and the reply itself. */
  record Sample(long nanos, long hireCalls, SentMessage reply) {}

  /** When (System.nanoTime) a reply reached the emulator. */
  private record Arrival(long at, SentMessage message) {}

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final AtomicLong SEQ = new AtomicLong();

  private final FeishuSandbox sandbox;
  private final BenchTenant tenant;

  CommandProbe(FeishuSandbox sandbox, BenchTenant tenant) {
    this.sandbox = sandbox;
    this.tenant = tenant;
  }

  Sample ask(String text) {
    long n = SEQ.incrementAndGet();
    String id = "om_bench_cmd_" + n;
    long hireBefore = hireCalls();
    var replied = sandbox.im().awaitMessage(m -> id.equals(m.parentId()), TIMEOUT)
        .map(m -> new Arrival(System.nanoTime(), m));
    long t0 = System.nanoTime();
    PushResult push = BenchHttp.await(sandbox.events().message(
        MessageSpec.group(tenant.chat(n)).from(Envelopes.SENDER).mentioningBot().text(text).messageId(id)), TIMEOUT);
    if (push.status() != 200) {
      throw new IllegalStateException("push of '" + text + "' answered " + push.status() + " " + push.body());
    }
    Arrival done = BenchHttp.await(replied, TIMEOUT);
    return new Sample(done.at() - t0, hireCalls() - hireBefore, done.message());
  }

  /** Hire requests the emulator has answered so far. */
  long hireCalls() {
    return sandbox.requests().all().stream().map(RecordedRequest::path)
        .filter(p -> p.startsWith("/open-apis/hire/")).count();
  }
}

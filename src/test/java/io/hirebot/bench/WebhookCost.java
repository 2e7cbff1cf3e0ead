package io.hirebot.bench;

import io.hirebot.config.ConfigLoader;
import io.hirebot.feishu.inbound.EnvelopeVerifier;
import io.hirebot.feishu.inbound.InboundMapper;
import io.hirebot.feishu.inbound.Verification;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CPU and allocation of an event's webhook work apart from HTTP and the claim: verify the signature, decrypt,
 * parse and map the intake flood's events ({@link IntakeFlood#event}), on one thread, as an event loop does. Thread CPU
 * and allocated bytes per event, after rounds until the JIT settles; the median of the measured rounds moves far less
 * with the machine's load than the flood's figures do, so changes to the parsing path are compared with it.
 * {@code java -cp … io.hirebot.bench.WebhookCost [events] [rounds]}.
 */
public final class WebhookCost {
  private WebhookCost() {}

  public static void main(String[] args) {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    List<SealedPush> pushes = new ArrayList<>(events);
    List<Map<String, String>> headers = new ArrayList<>(events);
    for (int n = 0; n < events; n++) {
      SealedPush push = IntakeFlood.event("cost", n);
      pushes.add(push);
      Map<String, String> lower = new HashMap<>();
      push.headers().forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
      headers.add(lower);
    }
    EnvelopeVerifier verifier = new EnvelopeVerifier(ConfigLoader.SANDBOX_VERIFICATION_TOKEN,
        ConfigLoader.SANDBOX_ENCRYPT_KEY, Clock.systemUTC());
    InboundMapper mapper = new InboundMapper(() -> "ou_hirebot");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    // Warm: until two rounds in a row cost within 3 % of each other (at least 5, at most 40 rounds).
    double last = Double.MAX_VALUE;
    int warm = 0;
    for (int settled = 0; warm < 40 && (warm < 5 || settled < 2); warm++) {
      long cpu = threads.getCurrentThreadCpuTime();
      round(verifier, mapper, pushes, headers);
      double now = (threads.getCurrentThreadCpuTime() - cpu) / 1000.0 / events;
      settled = Math.abs(now - last) <= 0.03 * last ? settled + 1 : 0;
      last = now;
    }
    double[] cpuUs = new double[rounds];
    double[] bytes = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long allocated = threads.getCurrentThreadAllocatedBytes();
      round(verifier, mapper, pushes, headers);
      cpuUs[r] = (threads.getCurrentThreadCpuTime() - cpu) / 1000.0 / events;
      bytes[r] = (threads.getCurrentThreadAllocatedBytes() - allocated) / (double) events;
    }
    Arrays.sort(cpuUs);
    Arrays.sort(bytes);
    System.out.printf("webhook verify+decrypt+map: %d events x %d rounds after %d warm rounds: %.2f us CPU per event "
            + "(median; min %.2f, max %.2f), %.0f bytes allocated per event, load %.2f%n", events, rounds, warm,
        cpuUs[rounds / 2], cpuUs[0], cpuUs[rounds - 1], bytes[rounds / 2], Machine.loadAverage());
  }

  private static void round(EnvelopeVerifier verifier, InboundMapper mapper, List<SealedPush> pushes,
      List<Map<String, String>> headers) {
    for (int i = 0; i < pushes.size(); i++) {
      Verification v = verifier.verify(headers.get(i), pushes.get(i).body());
      if (!(v instanceof Verification.Accepted accepted)) {
        throw new IllegalStateException("event " + i + " not accepted: " + v);
      }
      if (mapper.map(accepted.plain()) == null) {
        throw new IllegalStateException("event " + i + " not mapped");
      }
    }
  }
}

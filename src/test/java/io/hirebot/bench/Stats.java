package io.hirebot.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;

/** Latency samples in microseconds with percentiles; thread-safe, bounded so a long run cannot exhaust memory. */
public final class Stats {
  /** 20 s at 20,000 events/s fits; beyond that later samples are dropped (and counted). */
  static final int MAX_SAMPLES = 4_000_000;

  private long[] micros = new long[1024];
  private int size;
  private long dropped;

  public synchronized void addNanos(long nanos) {
    if (size == MAX_SAMPLES) {
      dropped++;
      return;
    }
    if (size == micros.length) {
      micros = Arrays.copyOf(micros, Math.min(MAX_SAMPLES, micros.length * 2));
    }
    micros[size++] = nanos / 1_000;
  }

  public synchronized int count() {
    return size;
  }

  /** The q-quantile (0..1) in milliseconds, nearest rank; 0 without samples. */
  public synchronized double quantileMs(double q) {
    if (size == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(micros, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * size) - 1;
    return sorted[Math.max(0, Math.min(size - 1, rank))] / 1000.0;
  }

  public double p50Ms() {
    return quantileMs(0.50);
  }

  public double p99Ms() {
    return quantileMs(0.99);
  }

  public double maxMs() {
    return quantileMs(1.0);
  }

  /** {"n","p50_ms","p99_ms","max_ms"} rounded to 0.01 ms. */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("n", count());
    o.put("p50_ms", round(p50Ms()));
    o.put("p99_ms", round(p99Ms()));
    o.put("max_ms", round(maxMs()));
    synchronized (this) {
      if (dropped > 0) {
        o.put("dropped_samples", dropped);
      }
    }
    return o;
  }

  /** The median of {@code values} (the mean of the middle two when their count is even); 0 for none. */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n == 0 ? 0 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}

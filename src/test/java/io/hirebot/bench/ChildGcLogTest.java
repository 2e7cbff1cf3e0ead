package io.hirebot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildGcLogTest {
  /** Lines as JDK 25's SerialGC writes them with the log's flag (wall-clock stamps, padded tags). */
  private static final String LOG = """
      [1000ms][gc] Using Serial
      [2000ms][gc,heap] GC(0) DefNew: 17472K(19648K)->2176K(19648K) Eden: 17472K(17472K)->0K(17472K) From: 0K(2176K)->2176K(2176K)
      [2000ms][gc,heap] GC(0) Tenured: 1166K(43712K)->2390K(43712K)
      [2000ms][gc     ] GC(0) Pause Young (Allocation Failure) 18M->4M(61M) 31.737ms
      [3000ms][gc,heap] GC(1) DefNew: 19648K(19648K)->712K(19648K) Eden: 17472K(17472K)->0K(17472K) From: 2176K(2176K)->712K(2176K)
      [3000ms][gc,heap] GC(1) Tenured: 2390K(43712K)->4438K(43712K)
      [3000ms][gc     ] GC(1) Pause Young (Allocation Failure) 21M->4M(61M) 2.000ms
      [4000ms][gc,heap] GC(2) DefNew: 18184K(19648K)->712K(19648K) Eden: 17472K(17472K)->0K(17472K) From: 712K(2176K)->712K(2176K)
      [4000ms][gc,heap] GC(2) Tenured: 4438K(43712K)->4438K(43712K)
      [4000ms][gc     ] GC(2) Pause Young (Allocation Failure) 22M->4M(61M) 4.000ms
      [5000ms][gc,heap] GC(3) DefNew: 7880K(19648K)->0K(19648K) Eden: 7168K(17472K)->0K(17472K) From: 712K(2176K)->0K(2176K)
      [5000ms][gc,heap] GC(3) Tenured: 4438K(43712K)->3000K(43712K)
      [5000ms][gc     ] GC(3) Pause Full (System.gc()) 12M->3M(61M) 100.000ms
      """;

  @Test
  void pausesAndBytesPerEventOfAWindow(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("gc.log");
    Files.writeString(file, LOG);

    // GC(1) to GC(3): the first one's allocation counts from the end of the collection before it.
    ObjectNode w = new ChildGcLog(file).window(2500, 5000, 1024);

    assertEquals(2, w.path("young").path("count").asInt());
    assertEquals(4.0, w.path("young").path("max_ms").asDouble());
    assertEquals(2.0, w.path("young").path("p50_ms").asDouble());
    assertEquals(1, w.path("full").path("count").asInt());
    assertEquals(100.0, w.path("full").path("max_ms").asDouble());
    assertEquals(106.0, w.path("young").path("total_ms").asDouble() + w.path("full").path("total_ms").asDouble());
    // (19648 - 2176) + (18184 - 712) + (7880 - 712) KB over 1024 events; promoted only by young collections.
    assertEquals((17472 + 17472 + 7168) * 1024 / 1024, w.path("allocated_bytes_per_event").asLong());
    assertEquals(2048, w.path("promoted_bytes_per_event").asLong());
    assertEquals(712, w.path("young_survived_kb_p50").asLong());
    assertEquals(19648, w.path("young_capacity_kb").asLong());
  }

  @Test
  void aMissingLogIsAWindowWithoutCollections(@TempDir Path dir) {
    ObjectNode w = new ChildGcLog(dir.resolve("none.log")).window(0, 1000, 10);

    assertEquals(0, w.path("young").path("count").asInt());
    assertEquals(0, w.path("full").path("count").asInt());
    assertEquals(0, w.path("allocated_bytes_per_event").asLong());
  }
}

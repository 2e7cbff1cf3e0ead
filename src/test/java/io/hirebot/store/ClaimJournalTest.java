package io.hirebot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.store.ClaimJournal.Entry;
import io.hirebot.store.ClaimJournal.Kind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The claim journal's files: records read back in order after a restart, a torn tail ignored, sealed segments deleted. */
class ClaimJournalTest {
  @TempDir
  Path dir;

  private static List<Entry> entries(String prefix, int n) {
    List<Entry> found = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      found.add(switch (i % 3) {
        case 0 -> new Entry(Kind.CLAIMED, prefix + i, 1_000L + i, "{\"text\":\"你好 " + i + "\"}");
        case 1 -> new Entry(Kind.CLAIMED_FINISHED, prefix + i, 1_000L + i, null);
        default -> new Entry(Kind.DONE, prefix + (i - 2), 2_000L + i, null);
      });
    }
    return found;
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList();
    }
  }

  @Test
  @DisplayName("records appended in groups are read back in order by the next process, which appends to a new segment")
  void readBack() throws IOException {
    ClaimJournal first = ClaimJournal.open(dir);
    List<Entry> written = entries("ev_", 30);
    first.append(written.subList(0, 8));
    first.append(written.subList(8, 30));
    first.close();

    ClaimJournal second = ClaimJournal.open(dir);
    assertEquals(written, second.recover());
    second.append(entries("ev_second_", 3));
    assertEquals(2, segments().size(), "a new process never appends to an old segment");
    second.close();
  }

  @Test
  @DisplayName("a record cut short by the process dying is ignored, and so is a corrupted one, with what follows it in "
      + "its segment; later segments are still read")
  void tornTail() throws IOException {
    ClaimJournal first = ClaimJournal.open(dir);
    List<Entry> written = entries("ev_", 10);
    first.append(written);
    first.close();
    Path segment = segments().get(0);
    long intact = Files.size(segment);
    // A write cut short: a header announcing a 500-byte record, and only 20 bytes of it.
    ByteBuffer torn = ByteBuffer.allocate(28).putInt(500).putInt(12345);
    Files.write(segment, torn.array(), StandardOpenOption.APPEND);

    ClaimJournal second = ClaimJournal.open(dir);
    assertEquals(written, second.recover());
    List<Entry> later = entries("ev_later_", 4);
    second.append(later);
    second.close();

    // A bit flipped inside the last record of the first segment: it and the torn bytes after it are ignored.
    byte[] bytes = Files.readAllBytes(segment);
    bytes[(int) intact - 3] ^= 0x10;
    Files.write(segment, bytes);
    List<Entry> expected = new ArrayList<>(written.subList(0, written.size() - 1));
    expected.addAll(later);
    ClaimJournal third = ClaimJournal.open(dir);
    assertEquals(expected, third.recover());
    third.close();
  }

  @Test
  @DisplayName("sealed segments are deleted once copied; appends after a seal go to a new segment")
  void sealAndDelete() throws IOException {
    ClaimJournal journal = ClaimJournal.open(dir);
    journal.append(entries("ev_a_", 5));
    long sealed = journal.seal();
    journal.append(entries("ev_b_", 5));
    assertEquals(2, segments().size());
    journal.deleteThrough(sealed);
    assertEquals(1, segments().size());
    journal.close();
    assertEquals(entries("ev_b_", 5), ClaimJournal.open(dir).recover());
  }

  @Test
  @DisplayName("a closed journal refuses appends (its claim is never answered as written)")
  void closedRefuses() throws IOException {
    ClaimJournal journal = ClaimJournal.open(dir);
    journal.close();
    assertThrows(IOException.class, () -> journal.append(entries("ev_", 1)));
    assertTrue(segments().isEmpty());
  }

  @Test
  @DisplayName("the journal's directory sits next to a local H2 file; other databases have none")
  void directory() {
    assertEquals(Path.of("./data/hirebot.claims"), Database.claimJournalDir("jdbc:h2:file:./data/hirebot"));
    assertEquals(Path.of("/srv/bot/db.claims"), Database.claimJournalDir("jdbc:h2:/srv/bot/db;WRITE_DELAY=0"));
    assertEquals(null, Database.claimJournalDir("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1"));
    assertEquals(null, Database.claimJournalDir("jdbc:h2:tcp://db:9092/hirebot"));
    assertEquals(null, Database.claimJournalDir("jdbc:h2:file:./data/hirebot;AUTO_SERVER=TRUE"));
    assertEquals(null, Database.claimJournalDir("jdbc:postgresql://db/hirebot"));
  }
}

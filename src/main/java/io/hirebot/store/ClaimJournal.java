package io.hirebot.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only log of event claims and finishes in a directory of numbered segment files, in front of the
 * {@code processed_events} table of a local H2 file: a claim is durable once its record is written here (one file
 * write per group of claims), and is copied into the table later, many at a time ({@link JdbcProcessedEvents}).
 * A segment is deleted once every record in it is in the table; the segments left at a start are read back.
 *
 * <p>Each record is {@code [length][CRC-32C][body]}. A process killed mid-write leaves at most one torn record at the
 * end of its last segment: reading stops at the first record whose length or checksum does not hold, and a new
 * process never appends to an old segment, so nothing written later can sit behind a torn record. Like H2's own
 * commits ({@code Database.durable}) a record is handed to the operating system before the claim is answered, not
 * forced to the disk: it survives the process dying, not the machine losing power.
 *
 * <p>Its owner serialises appends and seals; the database closes it from any thread (then appends fail).
 */
final class ClaimJournal implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ClaimJournal.class);
  private static final String PREFIX = "claims-";
  private static final String SUFFIX = ".log";
  /** Length and checksum. */
  private static final int HEADER = 8;
  /** Larger than any record the bot writes (an envelope is at most about a megabyte): past it the length is torn. */
  static final int MAX_RECORD = 8 << 20;

  /** What a record says happened to an event. */
  enum Kind {
    /** Claimed, with its envelope kept for a replay. */
    CLAIMED,
    /** Claimed as finished at once (an event the filters drop). */
    CLAIMED_FINISHED,
    /** Finished. */
    DONE
  }

  /** One record: {@code envelope} only for {@link Kind#CLAIMED}. */
  record Entry(Kind kind, String key, long at, String envelope) {}

  private final Path dir;
  private long segment;
  private FileChannel out;
  private static final int BUFFER_BYTES = 64 << 10;
  /**
   * A group of large envelopes (a sender controls a message's size) grows the buffer; past this it is not kept, so
   * one burst of them does not hold megabytes of native memory for the life of the process.
   */
  private static final int BUFFER_KEPT_BYTES = 1 << 20;
  private ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
  private volatile boolean closed;
  /** Holds the directory's lock while open: one process writes a journal. */
  private FileChannel lockFile;
  private volatile Runnable onClose = () -> {};

  private ClaimJournal(Path dir, long segment) {
    this.dir = dir;
    this.segment = segment;
  }

  /** Opens the journal in {@code dir} (created if missing); records already there are left for {@link #recover}. */
  static ClaimJournal open(Path dir) throws IOException {
    Files.createDirectories(dir);
    FileChannel lockFile = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    java.nio.channels.FileLock lock;
    try {
      lock = lockFile.tryLock();
    } catch (IOException | RuntimeException e) {
      lockFile.close();
      throw e;
    }
    if (lock == null) {
      lockFile.close();
      throw new IOException("claim journal in use by another process dir=" + dir);
    }
    List<Long> existing = segments(dir);
    ClaimJournal journal = new ClaimJournal(dir, existing.isEmpty() ? 0 : existing.get(existing.size() - 1));
    journal.lockFile = lockFile;
    return journal;
  }

  /** The directory of the segments. */
  Path dir() {
    return dir;
  }

  /**
   * The records of every segment left by earlier processes, oldest first, each segment up to its first torn
   * record. Appends go to a newer segment from now on, so these stay as they are until {@link #deleteThrough}.
   */
  synchronized List<Entry> recover() throws IOException {
    List<Entry> found = new ArrayList<>();
    for (long n : segments(dir)) {
      if (n <= segment) {
        read(file(n), found);
      }
    }
    return found;
  }

  /** Writes {@code entries} in one file write to the current segment; they are durable once it returns. */
  synchronized void append(List<Entry> entries) throws IOException {
    if (entries.isEmpty()) {
      return;
    }
    if (closed) {
      throw new IOException("claim journal closed dir=" + dir);
    }
    if (out == null) {
      segment++;
      out = FileChannel.open(file(segment), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }
    ByteBuffer b = buffer;
    b.clear();
    for (Entry e : entries) {
      b = encode(e, b);
    }
    b.flip();
    long before = out.position();
    try {
      while (b.hasRemaining()) {
        out.write(b);
      }
    } catch (IOException e) {
      // Part of the write may be in the file: nothing may follow it there, so the next append starts a new segment.
      closeSegment();
      throw new IOException("claim journal write failed segment=" + file(segment) + " at=" + before, e);
    } finally {
      if (buffer.capacity() > BUFFER_KEPT_BYTES) {
        buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
      }
    }
  }

  /**
   * Closes the current segment: every record appended so far is in a segment numbered at most the returned one,
   * and the next append goes to a new segment.
   */
  synchronized long seal() throws IOException {
    closeSegment();
    return segment;
  }

  /** Deletes the segments numbered at most {@code last}: their records are in the table now. */
  synchronized void deleteThrough(long last) throws IOException {
    for (long n : segments(dir)) {
      if (n <= last && (out == null || n != segment)) {
        Files.deleteIfExists(file(n));
      }
    }
  }

  /** Closes the open segment; the journal stays closed: later appends fail, the segments stay for the next start. */
  @Override
  public void close() throws IOException {
    try {
      synchronized (this) {
        closed = true;
        closeSegment();
      }
      onClose.run();
    } finally {
      if (lockFile != null) {
        lockFile.close(); // releases the lock
      }
    }
  }

  /** Whether {@link #close} was called. */
  boolean closed() {
    return closed;
  }

  /** Runs {@code listener} when the journal closes (after it closed). */
  void onClose(Runnable listener) {
    onClose = listener;
  }

  private void closeSegment() throws IOException {
    FileChannel open = out;
    out = null;
    if (open != null) {
      open.close();
    }
  }

  private Path file(long n) {
    return dir.resolve(String.format("%s%019d%s", PREFIX, n, SUFFIX));
  }

  private static List<Long> segments(Path dir) throws IOException {
    TreeMap<Long, Path> found = new TreeMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        try {
          found.put(Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length())), f);
        } catch (NumberFormatException e) {
          log.warn("claim journal ignores file={} (not a segment name)", f);
        }
      }
    }
    return new ArrayList<>(found.keySet());
  }

  /** The buffer with {@code e} encoded after what it holds (a larger copy when it does not fit). */
  private ByteBuffer encode(Entry e, ByteBuffer b) {
    byte[] key = e.key().getBytes(StandardCharsets.UTF_8);
    byte[] envelope = e.envelope() == null ? null : e.envelope().getBytes(StandardCharsets.UTF_8);
    int body = 1 + 8 + 4 + key.length + 4 + (envelope == null ? 0 : envelope.length);
    if (b.remaining() < HEADER + body) {
      ByteBuffer larger = ByteBuffer.allocateDirect(Math.max(b.capacity() * 2, b.position() + HEADER + body));
      larger.put(b.flip());
      b = larger;
      buffer = larger;
    }
    int start = b.position();
    b.putInt(body).putInt(0);
    b.put((byte) e.kind().ordinal()).putLong(e.at()).putInt(key.length).put(key);
    b.putInt(envelope == null ? -1 : envelope.length);
    if (envelope != null) {
      b.put(envelope);
    }
    CRC32C crc = new CRC32C();
    crc.update(b.slice(start + HEADER, body));
    b.putInt(start + 4, (int) crc.getValue());
    return b;
  }

  /** Adds the file's records to {@code into}, up to the first that is torn (a length or checksum that does not hold). */
  private static void read(Path file, List<Entry> into) throws IOException {
    ByteBuffer all = ByteBuffer.wrap(Files.readAllBytes(file));
    int records = 0;
    while (all.remaining() >= HEADER) {
      int start = all.position();
      int body = all.getInt();
      int sum = all.getInt();
      if (body < 1 + 8 + 4 + 4 || body > MAX_RECORD || body > all.remaining()) {
        all.position(start);
        break;
      }
      CRC32C crc = new CRC32C();
      crc.update(all.slice(all.position(), body));
      if ((int) crc.getValue() != sum) {
        all.position(start);
        break;
      }
      ByteBuffer r = all.slice(all.position(), body);
      all.position(all.position() + body);
      int kind = r.get();
      long at = r.getLong();
      byte[] key = new byte[r.getInt()];
      r.get(key);
      int length = r.getInt();
      byte[] envelope = length < 0 ? null : new byte[length];
      if (envelope != null) {
        r.get(envelope);
      }
      into.add(new Entry(Kind.values()[kind], new String(key, StandardCharsets.UTF_8), at,
          envelope == null ? null : new String(envelope, StandardCharsets.UTF_8)));
      records++;
    }
    if (all.hasRemaining()) {
      log.warn("claim journal segment={} ends in a torn record: read records={}, ignored bytes={} (a write cut short "
          + "by the process dying: its claim was never answered)", file, records, all.remaining());
    }
  }
}

package io.hirebot.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One frame of Feishu's long-connection protocol (protobuf proto2 message {@code pbbp2.Frame}), encoded and
 * decoded by hand so the sandbox needs no protobuf library. Method 0 = control (ping/pong), 1 = data.
 */
record WsFrame(long seqId, long logId, int service, int method, Map<String, String> headers, byte[] payload) {

  static final int CONTROL = 0;
  static final int DATA = 1;

  WsFrame {
    headers = new LinkedHashMap<>(headers);
  }

  String header(String name) {
    return headers.get(name);
  }

  byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    varintField(out, 1, seqId);
    varintField(out, 2, logId);
    varintField(out, 3, service);
    varintField(out, 4, method);
    for (Map.Entry<String, String> h : headers.entrySet()) {
      ByteArrayOutputStream header = new ByteArrayOutputStream();
      bytesField(header, 1, h.getKey().getBytes(StandardCharsets.UTF_8));
      bytesField(header, 2, h.getValue().getBytes(StandardCharsets.UTF_8));
      bytesField(out, 5, header.toByteArray());
    }
    if (payload != null) {
      bytesField(out, 8, payload);
    }
    return out.toByteArray();
  }

  static WsFrame decode(byte[] bytes) {
    Reader r = new Reader(bytes);
    long seq = 0;
    long log = 0;
    int service = 0;
    int method = 0;
    Map<String, String> headers = new LinkedHashMap<>();
    byte[] payload = null;
    while (r.more()) {
      long tag = r.varint();
      int field = (int) (tag >>> 3);
      int wire = (int) (tag & 7);
      if (wire == 0) {
        long v = r.varint();
        switch (field) {
          case 1 -> seq = v;
          case 2 -> log = v;
          case 3 -> service = (int) v;
          case 4 -> method = (int) v;
          default -> { }
        }
      } else if (wire == 2) {
        byte[] v = r.bytes();
        if (field == 5) {
          decodeHeader(v, headers);
        } else if (field == 8) {
          payload = v;
        }
      } else {
        throw new IllegalArgumentException("unsupported protobuf wire type " + wire);
      }
    }
    return new WsFrame(seq, log, service, method, headers, payload);
  }

  private static void decodeHeader(byte[] bytes, Map<String, String> into) {
    Reader r = new Reader(bytes);
    String key = "";
    String value = "";
    while (r.more()) {
      long tag = r.varint();
      String s = new String(r.bytes(), StandardCharsets.UTF_8);
      if (tag >>> 3 == 1) {
        key = s;
      } else {
        value = s;
      }
    }
    into.put(key, value);
  }

  private static void varintField(ByteArrayOutputStream out, int field, long value) {
    varint(out, (long) field << 3);
    varint(out, value);
  }

  private static void bytesField(ByteArrayOutputStream out, int field, byte[] value) {
    varint(out, ((long) field << 3) | 2);
    varint(out, value.length);
    out.writeBytes(value);
  }

  private static void varint(ByteArrayOutputStream out, long value) {
    long v = value;
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  /** A cursor over protobuf bytes. */
  private static final class Reader {
    private final byte[] bytes;
    private int pos;

    Reader(byte[] bytes) {
      this.bytes = bytes;
    }

    boolean more() {
      return pos < bytes.length;
    }

    long varint() {
      long result = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte b = bytes[pos++];
        result |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return result;
        }
      }
      throw new IllegalArgumentException("malformed varint");
    }

    byte[] bytes() {
      int len = (int) varint();
      byte[] out = new byte[len];
      System.arraycopy(bytes, pos, out, 0, len);
      pos += len;
      return out;
    }
  }
}

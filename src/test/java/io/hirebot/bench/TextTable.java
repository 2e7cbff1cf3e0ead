package io.hirebot.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with columns padded to their widest cell, for the console and the README. */
final class TextTable {
  private final List<String[]> rows = new ArrayList<>();

  TextTable(String... headers) {
    rows.add(headers);
  }

  TextTable row(Object... cells) {
    String[] text = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      text[i] = String.valueOf(cells[i]);
    }
    rows.add(text);
    return this;
  }

  void print(PrintStream out) {
    int columns = rows.get(0).length;
    int[] width = new int[columns];
    for (String[] r : rows) {
      for (int i = 0; i < columns && i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder("| ");
      for (int i = 0; i < columns; i++) {
        String cell = i < r.length ? r[i] : "";
        line.append(cell).append(" ".repeat(width[i] - cell.length())).append(" | ");
      }
      out.println(line.toString().stripTrailing());
      if (r == rows.get(0)) {
        StringBuilder rule = new StringBuilder("|");
        for (int w : width) {
          rule.append("-".repeat(w + 2)).append('|');
        }
        out.println(rule);
      }
    }
  }
}

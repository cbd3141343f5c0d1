package dev.takeaways.app.cli;

import dev.takeaways.model.JsonSerde;
import dev.takeaways.publish.JdbcNoteStore;
import dev.takeaways.publish.StoreQueries;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What {@code query} and {@code top} share: the store, and printing an answer as a table or JSON. */
final class StoreAnswer {
  private static final int MAX_CELL = 100;

  @Mixin DataOptions data;
  @Mixin StoreOptions store;

  @Option(names = "--json", description = "Print the answer as a JSON array of objects.")
  boolean json;

  interface Question {
    StoreQueries.Table ask(StoreQueries queries) throws SQLException;
  }

  int answer(Question question, PrintWriter out) throws SQLException, IOException {
    try (JdbcNoteStore opened = JdbcNoteStore.open(store.storeUrl(data.dataDir()), Clock.systemUTC())) {
      print(question.ask(new StoreQueries(opened)), out);
    }
    return ExitCodes.OK;
  }

  void print(StoreQueries.Table table, PrintWriter out) throws IOException {
    if (json) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (List<Object> row : table.rows()) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < table.columns().size(); i++) {
          object.put(table.columns().get(i), row.get(i));
        }
        rows.add(object);
      }
      out.println(JsonSerde.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
      return;
    }
    int[] widths = new int[table.columns().size()];
    List<List<String>> cells = new ArrayList<>();
    cells.add(table.columns());
    for (List<Object> row : table.rows()) {
      cells.add(row.stream().map(StoreAnswer::cell).toList());
    }
    for (List<String> row : cells) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (List<String> row : cells) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        String value = row.get(i);
        line.append(value);
        if (i < widths.length - 1) {
          line.append(" ".repeat(widths[i] - value.length() + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
    out.println("(" + table.rows().size() + (table.rows().size() == 1 ? " row)" : " rows)"));
  }

  /** A value as one line of printable text: a note's title must not drive the terminal (escape sequences). */
  static String cell(Object value) {
    String s = value == null ? "" : value.toString().replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "?");
    return s.length() <= MAX_CELL ? s : s.substring(0, MAX_CELL - 1) + "…";
  }
}

package dev.takeaways.app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Counting rows in a store while a pipeline writes it, for awaits. */
final class StoreRows {
  private StoreRows() {}

  /** The single number {@code sql} selects from the store at {@code url}; -1 while the store cannot answer (not created yet, say). */
  static int count(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getInt(1) : 0;
    } catch (SQLException e) {
      return -1;
    }
  }
}

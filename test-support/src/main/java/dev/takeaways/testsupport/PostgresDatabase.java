package dev.takeaways.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database on the real PostgreSQL server that {@code TAKEAWAYS_TEST_POSTGRES_URL} names
 * ({@code .ci/run} starts one); the tests that need it skip, saying why, where it is not set.
 */
public final class PostgresDatabase {
  public static final String ENV = "TAKEAWAYS_TEST_POSTGRES_URL";

  private PostgresDatabase() {}

  /** The JDBC URL of a new, empty database. */
  public static String create() throws SQLException {
    String server = System.getenv(ENV);
    if (server == null || server.isBlank()) {
      String why = ENV + " is not set (no PostgreSQL server to test on); .ci/run sets it";
      String required = System.getenv(Tools.REQUIRE_ENV);
      Assertions.assertTrue(required == null || required.isBlank(), why + ", and " + Tools.REQUIRE_ENV + " says it must be here");
      Assumptions.abort(why + "; skipped");
    }
    String name = "takeaways_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    int query = server.indexOf('?');
    String base = query < 0 ? server : server.substring(0, query);
    String params = query < 0 ? "" : server.substring(query);
    return base.substring(0, base.lastIndexOf('/') + 1) + name + params;
  }
}

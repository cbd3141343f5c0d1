package dev.takeaways.ui;

import dev.takeaways.testsupport.PostgresDatabase;
import java.sql.SQLException;

/** Every case of {@link StoreBrowserTest} on a real PostgreSQL server. */
class PostgresStoreBrowserTest extends StoreBrowserTest {
  @Override
  String newStoreUrl() throws SQLException {
    return PostgresDatabase.create();
  }
}

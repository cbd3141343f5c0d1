package dev.takeaways.publish;

import dev.takeaways.testsupport.PostgresDatabase;
import java.sql.SQLException;

/** Every case of {@link JdbcNoteStoreTest} on a real PostgreSQL server. */
class PostgresNoteStoreTest extends JdbcNoteStoreTest {
  @Override
  String newStoreUrl() throws SQLException {
    return PostgresDatabase.create();
  }
}

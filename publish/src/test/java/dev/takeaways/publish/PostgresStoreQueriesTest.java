package dev.takeaways.publish;

import dev.takeaways.testsupport.PostgresDatabase;
import java.sql.SQLException;

/** Every case of {@link StoreQueriesTest} on a real PostgreSQL server. */
class PostgresStoreQueriesTest extends StoreQueriesTest {
  @Override
  String newStoreUrl() throws SQLException {
    return PostgresDatabase.create();
  }
}

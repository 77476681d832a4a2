package dev.questbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** A JDBC connection that keeps its prepared statements, used by one thread at a time. */
final class CachingConnection implements AutoCloseable {
    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    CachingConnection(Connection connection) {
        this.connection = connection;
    }

    Connection jdbc() {
        return connection;
    }

    /** The cached statement for this SQL, with its parameters cleared; callers close its result sets, not it. */
    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        } else {
            statement.clearParameters();
        }
        return statement;
    }

    @Override
    public void close() {
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // Closing the connection below releases it anyway.
            }
        }
        statements.clear();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Nothing useful to do when a connection fails to close at shutdown.
        }
    }
}

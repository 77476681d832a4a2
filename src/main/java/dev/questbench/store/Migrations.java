package dev.questbench.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The numbered schema scripts in {@code migrations/}, applied in order, tracked with {@code PRAGMA user_version}. */
final class Migrations {
    /** In order; the file {@code Vnnn__…} is schema version nnn, which must equal its position here. */
    static final List<String> FILES = List.of("V001__initial.sql", "V002__schedules.sql", "V003__usage.sql");

    private Migrations() {
    }

    /** The newest schema version this build knows. */
    static int latest() {
        return FILES.size();
    }

    /** Applies every script above {@code current}, each in its own transaction with its version bump. */
    static void apply(Connection connection, int current) throws SQLException {
        for (int version = current + 1; version <= latest(); version++) {
            String sql = script(version);
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate(sql);
                // user_version lives in the database header, so it commits (or rolls back) with the script.
                statement.executeUpdate("PRAGMA user_version = " + version);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw new SQLException("migration " + FILES.get(version - 1) + " failed: " + e.getMessage(), e);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    static String script(int version) {
        String file = FILES.get(version - 1);
        if (!file.startsWith(String.format("V%03d__", version))) {
            throw new IllegalStateException("migration " + file + " is listed as version " + version);
        }
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + file)) {
            if (in == null) {
                throw new IllegalStateException("migration resource missing: " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + file, e);
        }
    }
}

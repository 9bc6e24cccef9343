package io.github.stickyuploads.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The storage contract on a real PostgreSQL (started by .ci/run; the URL is the system property
 * test.postgres.url), and what only the database has. The table is dropped before each test, so its creation on
 * first use is tested too.
 */
class JdbcStorageTest extends StorageContract {

    private PGSimpleDataSource database;
    private long largeObjectsBefore;

    @BeforeEach
    void freshTable() throws SQLException {
        database = new PGSimpleDataSource();
        database.setUrl(System.getProperty("test.postgres.url", "jdbc:postgresql://localhost:5432/sticky?user=sticky&password=sticky"));
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("SELECT lo_unlink(content) FROM " + JdbcStorage.TABLE + " WHERE to_regclass('" + JdbcStorage.TABLE + "') IS NOT NULL");
        } catch (SQLException noTableYet) {
            // First run on this database.
        }
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("DROP TABLE IF EXISTS " + JdbcStorage.TABLE);
        }
        largeObjectsBefore = largeObjects();
    }

    @Override
    protected UploadStorage storage() {
        return JdbcStorage.using(database);
    }

    @Override
    protected UploadStorage sameStorageOnAnotherServer() {
        return JdbcStorage.using(database);
    }

    /** The rows of the table, and large objects that no row owns. */
    @Override
    protected List<String> leftovers() throws SQLException {
        List<String> left = new ArrayList<>();
        if (count("SELECT count(*) FROM pg_tables WHERE tablename = '" + JdbcStorage.TABLE + "'") > 0 && rows() > 0) {
            left.add(rows() + " rows");
        }
        if (largeObjects() != largeObjectsBefore) {
            left.add((largeObjects() - largeObjectsBefore) + " large objects");
        }
        return left;
    }

    @Test
    void keepsTheMetadataAndTheLibrarysMeasurementsInColumns() throws Exception {
        byte[] bytes = bytes(300_017);
        StoredObject stored = storage().store(UploadContent.of(new ByteArrayInputStream(bytes)), metadata(NOW.plusSeconds(600)));

        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT owner, filename, content_type, size, sha256, expires > now() FROM "
                     + JdbcStorage.TABLE + " WHERE id = '" + stored.id() + "'")) {
            assertTrue(row.next());
            assertEquals("alice", row.getString(1));
            assertEquals("Résumé ../cv.pdf", row.getString(2));
            assertEquals("application/pdf", row.getString(3));
            assertEquals(bytes.length, row.getLong(4));
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), row.getString(5));
            assertTrue(row.getBoolean(6));
        }
    }

    @Test
    void aDatabaseThatIsDownIsAStorageFailure() {
        PGSimpleDataSource down = new PGSimpleDataSource();
        down.setUrl("jdbc:postgresql://localhost:1/nothing?connectTimeout=2");

        IOException e = assertThrows(IOException.class, () -> JdbcStorage.using(down)
                .store(UploadContent.of(new ByteArrayInputStream(new byte[10])), metadata(NOW.plusSeconds(60))));
        assertTrue(e.getMessage().startsWith("Could not store an upload in the database"), e.getMessage());
    }

    private long rows() throws SQLException {
        return count("SELECT count(*) FROM " + JdbcStorage.TABLE);
    }

    private long largeObjects() throws SQLException {
        return count("SELECT count(*) FROM pg_largeobject_metadata");
    }

    private long count(String query) throws SQLException {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}

package io.github.stickyuploads.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stickyuploads.config.DataSize;
import io.github.stickyuploads.internal.upload.UploadInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The jdbc storage on a real PostgreSQL (started by .ci/run; the URL is the system property
 * test.postgres.url). The table is dropped before each test, so the creation on first use is tested too.
 */
class JdbcStorageTest {

    private static final Instant NOW = Instant.now();

    private PGSimpleDataSource database;
    private JdbcStorage storage;

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
        storage = JdbcStorage.using(database);
    }

    private static UploadMetadata metadata(Instant expires) {
        return new UploadMetadata("cv.pdf", "application/pdf", "alice", expires);
    }

    @Test
    void streamsBytesInAndOutAndKeepsTheMetadataInColumns() throws Exception {
        byte[] bytes = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(7).nextBytes(bytes);

        StoredObject stored = storage.store(new ByteArrayInputStream(bytes), metadata(NOW.plusSeconds(600)));

        assertEquals(bytes.length, stored.size());
        assertEquals(OptionalLong.of(bytes.length), storage.size(stored.id()));
        try (InputStream in = storage.open(stored.id())) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT owner, filename, content_type, size, sha256, expires > now() FROM "
                     + JdbcStorage.TABLE + " WHERE id = '" + stored.id() + "'")) {
            assertTrue(row.next());
            assertEquals("alice", row.getString(1));
            assertEquals("cv.pdf", row.getString(2));
            assertEquals("application/pdf", row.getString(3));
            assertEquals(bytes.length, row.getLong(4));
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), row.getString(5));
            assertTrue(row.getBoolean(6));
        }
    }

    @Test
    void deletesRowAndLargeObjectOnce() throws Exception {
        StoredObject stored = storage.store(new ByteArrayInputStream(new byte[1000]), metadata(NOW.plusSeconds(600)));
        long largeObjects = largeObjects();

        assertTrue(storage.delete(stored.id()));
        assertFalse(storage.delete(stored.id()), "already gone");
        assertEquals(OptionalLong.empty(), storage.size(stored.id()));
        assertThrows(NoSuchFileException.class, () -> storage.open(stored.id()));
        assertEquals(largeObjects - 1, largeObjects(), "the large object went with the row");
    }

    @Test
    void keepsNothingWhenTheClientStreamFailsAndHandsItsErrorBack() throws Exception {
        long largeObjects = largeObjects();
        InputStream tooLarge = new UploadInputStream(new ByteArrayInputStream(new byte[300_000]), new DataSize(100_000));

        assertThrows(SizeLimitExceededException.class, () -> storage.store(tooLarge, metadata(NOW.plusSeconds(600))));

        assertEquals(0, rows());
        assertEquals(largeObjects, largeObjects(), "no orphan large object");
    }

    @Test
    void countsAUsersLiveUploadsForTheQuotas() throws IOException {
        storage.store(new ByteArrayInputStream(new byte[100]), metadata(NOW.plusSeconds(60)));
        storage.store(new ByteArrayInputStream(new byte[50]), metadata(NOW.plusSeconds(60)));
        storage.store(new ByteArrayInputStream(new byte[70]), metadata(NOW.minusSeconds(1)));

        assertEquals(java.util.Optional.of(new OwnerUsage(2, 150)), storage.usage("alice", NOW), "expired ones do not count");
        assertEquals(java.util.Optional.of(new OwnerUsage(0, 0)), storage.usage("bob", NOW));
    }

    @Test
    void treatsForeignIdsAsUnknown() throws IOException {
        for (String id : new String[] {"'; DROP TABLE sticky_uploads; --", "", "../x", "a".repeat(65)}) {
            assertEquals(OptionalLong.empty(), storage.size(id), id);
            assertThrows(NoSuchFileException.class, () -> storage.open(id), id);
            assertFalse(storage.delete(id), id);
        }
    }

    @Test
    void twoServersPurgingAtOnceRemoveEachExpiredUploadOnce() throws Exception {
        for (int i = 0; i < 30; i++) {
            storage.store(new ByteArrayInputStream(new byte[100 + i]), metadata(NOW.minusSeconds(1)));
        }
        StoredObject live = storage.store(new ByteArrayInputStream(new byte[10]), metadata(NOW.plusSeconds(600)));
        long largeObjects = largeObjects();
        JdbcStorage otherServer = JdbcStorage.using(database);

        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<ExpiredUpload>>> purges = both.invokeAll(List.<Callable<List<ExpiredUpload>>>of(
                    () -> storage.purgeExpired(NOW), () -> otherServer.purgeExpired(NOW)));
            List<ExpiredUpload> all = new java.util.ArrayList<>(purges.get(0).get());
            all.addAll(purges.get(1).get());
            assertEquals(30, all.size(), "each expired upload purged exactly once");
            assertEquals(30, all.stream().map(ExpiredUpload::id).distinct().count());
            assertTrue(all.stream().allMatch(upload -> "alice".equals(upload.metadata().owner())), "with its metadata");
        } finally {
            both.shutdown();
        }
        assertEquals(1, rows());
        assertEquals(OptionalLong.of(10), storage.size(live.id()));
        assertEquals(largeObjects - 30, largeObjects());
    }

    @Test
    void aDatabaseThatIsDownIsAStorageFailure() {
        PGSimpleDataSource down = new PGSimpleDataSource();
        down.setUrl("jdbc:postgresql://localhost:1/nothing?connectTimeout=2");

        IOException e = assertThrows(IOException.class, () -> JdbcStorage.using(down)
                .store(new ByteArrayInputStream(new byte[10]), metadata(NOW.plusSeconds(60))));
        assertFalse(e instanceof SizeLimitExceededException);
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

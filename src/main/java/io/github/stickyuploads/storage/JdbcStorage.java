package io.github.stickyuploads.storage;

import io.github.stickyuploads.config.InvalidConfigurationException;
import io.github.stickyuploads.config.StickyUploadsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TimeZone;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * The {@code jdbc} storage: uploads in the table {@value #TABLE} of a container DataSource
 * ({@value io.github.stickyuploads.config.StickyUploadsConfig#JDBC_DATASOURCE}, by default the platform's
 * {@code java:comp/DefaultDataSource}), shared by every server that uses the same database.
 *
 * <p>The bytes stream in and out through JDBC {@link Blob}s, never held whole in memory: on PostgreSQL they
 * are large objects (column type {@code OID}, unlinked when the row goes), elsewhere {@code BLOB}s. Owner,
 * name, type, size, SHA-256 and expiry are columns. The table is created when it is missing; to manage the
 * schema yourself, create it beforehand (the README has the DDL). A purge deletes each expired row with one
 * statement, so when several servers purge at once every upload is removed exactly once.
 *
 * <pre>
 * stickyuploads.storage=jdbc
 * stickyuploads.jdbc.datasource=java:app/jdbc/uploads
 * stickyuploads.secret=...the same base64 key on every server...
 * </pre>
 *
 * @since 0.1
 */
@Named(JdbcStorage.NAME)
@ApplicationScoped
public class JdbcStorage implements UploadStorage {

    /**
     * The name that selects this storage.
     *
     * @since 0.1
     */
    public static final String NAME = "jdbc";
    /**
     * The table.
     *
     * @since 0.1
     */
    public static final String TABLE = "sticky_uploads";

    private static final String ZONED_TIMESTAMP = "TIMESTAMP WITH TIME ZONE";

    private static final SecureRandom RANDOM = new SecureRandom();
    /** PostgreSQL's SQLSTATE for a full disk. */
    private static final String DISK_FULL = "53100";

    @Inject
    StickyUploadsConfig config;

    private DataSource dataSource;
    private volatile Boolean postgres;

    /**
     * For CDI, which looks the DataSource up by its configured JNDI name.
     *
     * @since 0.1
     */
    protected JdbcStorage() {
    }

    private JdbcStorage(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * @param dataSource where the table is
     * @return a storage in that database
     * @since 0.1
     */
    public static JdbcStorage using(DataSource dataSource) {
        return new JdbcStorage(dataSource);
    }

    /**
     * Looks the DataSource up on first use rather than when the bean is made: {@code java:app} names resolve
     * only where the application's naming context is set up, which CDI's startup is not.
     *
     * @throws InvalidConfigurationException if there is no DataSource of that name
     */
    private DataSource dataSource() {
        if (dataSource == null) {
            String name = config.jdbcDataSource();
            try {
                dataSource = InitialContext.doLookup(name);
            } catch (NamingException | ClassCastException e) {
                throw new InvalidConfigurationException(StickyUploadsConfig.JDBC_DATASOURCE,
                        "there is no DataSource named '" + name + "' (" + e.getMessage() + ")");
            }
        }
        return dataSource;
    }

    /**
     * Checks, while the application starts, that the DataSource exists and answers.
     *
     * @throws InvalidConfigurationException if there is no DataSource of the configured name
     * @since 0.1
     */
    @Override
    public void verify() {
        try (Connection connection = dataSource().getConnection()) {
            ensureTable(connection);
        } catch (SQLException e) {
            // A database that is down now may be up for the first upload: that is a fault, not a configuration error.
            Logger.getLogger("io.github.stickyuploads").warning(() -> "The upload database cannot be reached yet: " + e.getMessage());
        }
    }

    @Override
    public boolean isSharedBetweenServers() {
        return true;
    }

    @Override
    public StoredObject store(UploadContent content, UploadMetadata metadata) throws IOException {
        String id = newId();
        try (Transaction transaction = transaction()) {
            Connection connection = transaction.connection;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                    + " (id, owner, filename, content_type, created, expires, content, size, sha256)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, 0, '')");
                 PreparedStatement measured = connection.prepareStatement("UPDATE " + TABLE
                    + " SET size = ?, sha256 = ? WHERE id = ?")) {
                insert.setString(1, id);
                insert.setString(2, metadata.owner());
                insert.setString(3, metadata.filename());
                insert.setString(4, metadata.contentType());
                setInstant(insert, 5, Instant.now());
                setInstant(insert, 6, metadata.expires());
                // The driver reads the stream into the large object / LOB as it goes.
                insert.setBlob(7, content);
                insert.executeUpdate();
                // Size and digest are known once the driver has read the content to its end.
                measured.setLong(1, content.size());
                measured.setString(2, HexFormat.of().formatHex(content.sha256()));
                measured.setString(3, id);
                measured.executeUpdate();
                connection.commit();
                return new StoredObject(id);
            }
        } catch (SQLException e) {
            throw failure("store an upload", e);
        }
    }

    @Override
    public OptionalLong size(String id) throws IOException {
        if (!StoredObject.isValidId(id)) {
            return OptionalLong.empty();
        }
        try (Connection connection = connection();
             PreparedStatement select = connection.prepareStatement("SELECT size FROM " + TABLE + " WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw failure("read an upload's size", e);
        }
    }

    @Override
    public Optional<InputStream> open(String id) throws IOException {
        if (!StoredObject.isValidId(id)) {
            return Optional.empty();
        }
        Transaction transaction = null;
        try {
            transaction = transaction(); // large objects are read inside a transaction
            PreparedStatement select = transaction.connection.prepareStatement("SELECT content FROM " + TABLE + " WHERE id = ?");
            select.setString(1, id);
            ResultSet row = select.executeQuery();
            if (!row.next()) {
                row.close();
                select.close();
                closeQuietly(transaction);
                return Optional.empty();
            }
            Blob blob = row.getBlob(1);
            return Optional.of(new OpenBlob(blob.getBinaryStream(), blob, row, select, transaction));
        } catch (SQLException e) {
            closeQuietly(transaction);
            throw failure("read an upload", e);
        }
    }

    @Override
    public boolean delete(String id) throws IOException {
        if (!StoredObject.isValidId(id)) {
            return false;
        }
        try (Transaction transaction = transaction()) {
            Connection connection = transaction.connection;
            boolean deleted;
            if (isPostgres(connection)) {
                // The row's large object goes with it; RETURNING makes sure only one server unlinks it.
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE id = ? RETURNING content");
                     PreparedStatement unlink = connection.prepareStatement("SELECT lo_unlink(CAST(? AS oid))")) {
                    delete.setString(1, id);
                    try (ResultSet row = delete.executeQuery()) {
                        deleted = row.next();
                        if (deleted) {
                            unlink.setLong(1, row.getLong(1));
                            unlink.executeQuery().close();
                        }
                    }
                }
            } else {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE id = ?")) {
                    delete.setString(1, id);
                    deleted = delete.executeUpdate() > 0;
                }
            }
            connection.commit();
            return deleted;
        } catch (SQLException e) {
            throw failure("delete an upload", e);
        }
    }

    @Override
    public Optional<OwnerUsage> usage(String owner, Instant now) throws IOException {
        try (Connection connection = connection();
             PreparedStatement select = connection.prepareStatement("SELECT count(*), coalesce(sum(size), 0) FROM " + TABLE
                     + " WHERE owner = ? AND expires >= ?")) {
            select.setString(1, owner);
            setInstant(select, 2, now);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return Optional.of(new OwnerUsage(row.getLong(1), row.getLong(2)));
            }
        } catch (SQLException e) {
            throw failure("measure a user's uploads", e);
        }
    }

    @Override
    public List<ExpiredUpload> purgeExpired(Instant now) throws IOException {
        List<ExpiredUpload> expired = new ArrayList<>();
        try (Connection connection = connection();
             PreparedStatement select = connection.prepareStatement("SELECT id, filename, content_type, owner, expires, size FROM "
                     + TABLE + " WHERE expires < ?")) {
            setInstant(select, 1, now);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    expired.add(new ExpiredUpload(rows.getString(1), new UploadMetadata(rows.getString(2), rows.getString(3),
                            rows.getString(4), instant(rows, 5)), rows.getLong(6)));
                }
            }
        } catch (SQLException e) {
            throw failure("list expired uploads", e);
        }
        List<ExpiredUpload> purged = new ArrayList<>();
        for (ExpiredUpload upload : expired) {
            if (delete(upload.id())) {
                purged.add(upload); // another server may have purged it a moment before
            }
        }
        return purged;
    }

    // ---- Connections and the table ----------------------------------------------------------------------

    private Connection connection() throws SQLException {
        Connection connection = dataSource().getConnection();
        try {
            ensureTable(connection);
            return connection;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private Transaction transaction() throws SQLException {
        Connection connection = connection();
        try {
            connection.setAutoCommit(false);
            return new Transaction(connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** A connection in a transaction: closing it rolls back what was not committed and returns it to the pool as it came. */
    private static final class Transaction implements AutoCloseable {

        private final Connection connection;

        Transaction(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() throws SQLException {
            try {
                connection.rollback();
                connection.setAutoCommit(true);
            } finally {
                connection.close();
            }
        }
    }

    /** Creates the table on first use; tolerates another server creating it at the same moment. */
    private void ensureTable(Connection connection) throws SQLException {
        if (postgres != null) {
            return;
        }
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        boolean isPostgres = product.contains("postgres");
        if (!tableExists(connection)) {
            // Apache Derby, GlassFish's default DataSource, has no TIMESTAMP WITH TIME ZONE: its columns hold UTC.
            String timestamp = product.contains("derby") ? "TIMESTAMP" : ZONED_TIMESTAMP;
            try (Statement ddl = connection.createStatement()) {
                for (String statement : ddl(isPostgres, timestamp)) {
                    ddl.execute(statement);
                }
            } catch (SQLException e) {
                if (!tableExists(connection)) {
                    throw e;
                }
            }
        }
        postgres = isPostgres;
    }

    private static boolean tableExists(Connection connection) throws SQLException {
        for (String name : new String[] {TABLE, TABLE.toUpperCase(Locale.ROOT)}) {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The table as the library creates it on a database with {@code TIMESTAMP WITH TIME ZONE}; on Apache Derby,
     * which has none, its two timestamps are {@code TIMESTAMP}s in UTC.
     *
     * @param postgres whether the database is PostgreSQL (large objects) or another (BLOB)
     * @return the statements that create the table and its index
     * @since 0.1
     */
    public static List<String> ddl(boolean postgres) {
        return ddl(postgres, ZONED_TIMESTAMP);
    }

    private static List<String> ddl(boolean postgres, String timestamp) {
        return List.of("CREATE TABLE " + TABLE + " ("
                        + "id VARCHAR(64) NOT NULL PRIMARY KEY, "
                        + "owner VARCHAR(1024) NOT NULL, "
                        + "filename VARCHAR(1024) NOT NULL, "
                        + "content_type VARCHAR(255) NOT NULL, "
                        + "size BIGINT NOT NULL, "
                        + "sha256 VARCHAR(64) NOT NULL, "
                        + "created " + timestamp + " NOT NULL, "
                        + "expires " + timestamp + " NOT NULL, "
                        + "content " + (postgres ? "OID" : "BLOB") + " NOT NULL)",
                "CREATE INDEX " + TABLE + "_expires ON " + TABLE + " (expires)",
                "CREATE INDEX " + TABLE + "_owner ON " + TABLE + " (owner)");
    }

    private boolean isPostgres(Connection connection) throws SQLException {
        ensureTable(connection);
        return postgres;
    }

    // ---- Helpers ---------------------------------------------------------------------------------------------

    /**
     * Binds an instant as a {@link Timestamp} in UTC: the one form that every driver takes for a zoned column and a
     * plain one alike (Derby's takes no {@code java.time} value and has no zoned type).
     */
    private static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setTimestamp(index, Timestamp.from(instant), utc());
    }

    private static Instant instant(ResultSet row, int index) throws SQLException {
        return row.getTimestamp(index, utc()).toInstant();
    }

    /** A calendar each time: a Calendar is not thread-safe, and drivers may keep using the one they were given. */
    private static Calendar utc() {
        return Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC));
    }

    private static IOException failure(String action, SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (DISK_FULL.equals(next.getSQLState())) {
                return new InsufficientStorageException("The upload database is full", e);
            }
        }
        return new IOException("Could not " + action + " in the database: " + e.getMessage(), e);
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource != null) {
            try {
                resource.close();
            } catch (Exception e) {
                // A broken connection: nothing left to do with it.
            }
        }
    }

    private static String newId() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** The bytes of a stored upload; closing it ends the read transaction and returns the connection. */
    private static final class OpenBlob extends FilterInputStream {

        private final Blob blob;
        private final ResultSet row;
        private final Statement statement;
        private final Transaction transaction;

        OpenBlob(InputStream in, Blob blob, ResultSet row, Statement statement, Transaction transaction) {
            super(in);
            this.blob = blob;
            this.row = row;
            this.statement = statement;
            this.transaction = transaction;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
                blob.free();
                row.close();
                statement.close();
            } catch (SQLException e) {
                throw new IOException("Could not finish reading an upload", e);
            } finally {
                closeQuietly(transaction);
            }
        }
    }
}

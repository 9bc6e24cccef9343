package io.github.stickyuploads.example;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A PostgreSQL DataSource for the {@code jdbc} storage, used only when it is selected:
 * {@code STICKYUPLOADS_STORAGE=jdbc STICKYUPLOADS_JDBC_DATASOURCE=java:app/jdbc/stickyuploads}. The database is the
 * one the library's tests use (localhost:5432, database, user and password {@code sticky}); the values are plain,
 * not a server's placeholder syntax, so that every server reads them alike. No connection is opened before the first
 * upload.
 */
@DataSourceDefinition(name = "java:app/jdbc/stickyuploads", className = "org.postgresql.ds.PGSimpleDataSource",
        serverName = "localhost", portNumber = 5432, databaseName = "sticky", user = "sticky", password = "sticky",
        initialPoolSize = 0, minPoolSize = 0)
@ApplicationScoped
public class UploadsDatabase {
}

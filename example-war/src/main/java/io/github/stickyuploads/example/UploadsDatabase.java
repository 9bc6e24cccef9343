package io.github.stickyuploads.example;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A PostgreSQL DataSource for the {@code jdbc} storage, used only when it is selected:
 * {@code STICKYUPLOADS_STORAGE=jdbc STICKYUPLOADS_JDBC_DATASOURCE=java:app/jdbc/stickyuploads}. Where the database
 * is comes from environment variables (Payara's {@code ${ENV=NAME:default}} substitution); no connection is
 * opened before the first upload.
 */
@DataSourceDefinition(name = "java:app/jdbc/stickyuploads", className = "org.postgresql.ds.PGSimpleDataSource",
        serverName = "${ENV=EXAMPLE_DB_HOST:localhost}", databaseName = "${ENV=EXAMPLE_DB_NAME:sticky}",
        user = "${ENV=EXAMPLE_DB_USER:sticky}", password = "${ENV=EXAMPLE_DB_PASSWORD:sticky}",
        initialPoolSize = 0, minPoolSize = 0,
        properties = "portNumber=${ENV=EXAMPLE_DB_PORT:5432}")
@ApplicationScoped
public class UploadsDatabase {
}

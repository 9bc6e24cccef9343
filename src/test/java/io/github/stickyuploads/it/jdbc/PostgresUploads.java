package io.github.stickyuploads.it.jdbc;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The test application's own DataSource on the PostgreSQL that .ci/run starts, declared on a web component
 * (its JAX-RS application) so that the container registers it before CDI starts.
 */
@DataSourceDefinition(name = "java:app/jdbc/uploads", className = "org.postgresql.ds.PGSimpleDataSource",
        serverName = "localhost", portNumber = 5432, databaseName = "sticky", user = "sticky", password = "sticky")
@ApplicationPath("api")
public class PostgresUploads extends Application {
}

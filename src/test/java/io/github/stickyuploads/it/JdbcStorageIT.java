package io.github.stickyuploads.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stickyuploads.it.jdbc.PostgresUploads;
import io.github.stickyuploads.it.ownapp.ApiApplication;
import io.github.stickyuploads.it.ownapp.ClaimProbe;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The jdbc storage in the container: on PostgreSQL through an application DataSource, and on the default one. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JdbcStorageIT {

    private static final String SECRET = Base64.getEncoder().encodeToString("jdbc-storage-it-secret-0123456789".getBytes());

    @Deployment(name = "postgres", testable = false)
    static WebArchive postgres() {
        WebArchive war = Deployments.war("jdbc-postgres", Map.of("stickyuploads.storage", "jdbc",
                "stickyuploads.jdbc.datasource", "java:app/jdbc/uploads", "stickyuploads.secret", SECRET,
                "stickyuploads.temp.path", StorageFolder.fresh("jdbc-postgres").root().toString()),
                PostgresUploads.class, ClaimProbe.class);
        return war.addAsLibrary(driverJar());
    }

    @Deployment(name = "default", testable = false)
    static WebArchive defaultDataSource() {
        return Deployments.war("jdbc-default", Map.of("stickyuploads.storage", "jdbc", "stickyuploads.secret", SECRET,
                "stickyuploads.temp.path", StorageFolder.fresh("jdbc-default").root().toString()),
                ApiApplication.class, ClaimProbe.class);
    }

    @Test
    void uploadsLiveInPostgres(@ArquillianResource @OperateOnDeployment("postgres") URL deployment) throws SQLException {
        long before = rowsInPostgres();
        String token = assertRoundTrip(deployment);
        assertEquals(before, rowsInPostgres(), "released: the row is gone");
        assertFalse(token.isEmpty());
    }

    @Test
    void uploadsLiveInTheServersDefaultDatabase(@ArquillianResource @OperateOnDeployment("default") URL deployment) {
        assertRoundTrip(deployment);
    }

    /** Upload, claim intact, release, and the token gives nothing any more. */
    private static String assertRoundTrip(URL deployment) {
        byte[] pdf = Samples.pdf(250_000);
        UploadClient.Answer answer = UploadClient.to(deployment).as("alice").file("upload", "cv.pdf", pdf)
                .post("sticky-uploads/default");
        assertEquals(200, answer.status(), answer::toString);
        String token = answer.json().getString("stored");
        String endpoint = deployment.getPath() + "sticky-uploads/default";

        JsonObject claimed = UploadClient.to(deployment).as("alice").claim(token, endpoint).json();
        assertTrue(claimed.getBoolean("found"), claimed::toString);
        assertEquals(Samples.sha256(pdf), claimed.getString("sha256_read"), "intact through the database");

        assertEquals(204, UploadClient.to(deployment).as("alice").delete("sticky-uploads/default", token).status());
        assertFalse(UploadClient.to(deployment).as("alice").claim(token, endpoint).json().getBoolean("found"));
        return token;
    }

    private static long rowsInPostgres() throws SQLException {
        try (Connection connection = DriverManager.getConnection(System.getProperty("test.postgres.url"));
             Statement sql = connection.createStatement()) {
            try (ResultSet table = sql.executeQuery("SELECT to_regclass('sticky_uploads') IS NOT NULL")) {
                table.next();
                if (!table.getBoolean(1)) {
                    return 0; // created on the first upload
                }
            }
            try (ResultSet row = sql.executeQuery("SELECT count(*) FROM sticky_uploads")) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static File driverJar() {
        try {
            return new File(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

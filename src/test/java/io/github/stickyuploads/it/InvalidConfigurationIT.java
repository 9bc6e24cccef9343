package io.github.stickyuploads.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A value the library cannot use stops the deployment, and the error names the key and what it accepts. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InvalidConfigurationIT {

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "unknown-storage", managed = false, testable = false)
    static WebArchive unknownStorage() {
        return Deployments.war("bad-storage", Map.of("stickyuploads.storage", "s3"));
    }

    @Deployment(name = "bad-size", managed = false, testable = false)
    static WebArchive badSize() {
        return Deployments.war("bad-size", Map.of("stickyuploads.max-size", "ten megabytes"));
    }

    @Deployment(name = "short-secret", managed = false, testable = false)
    static WebArchive shortSecret() {
        return Deployments.war("short-secret", Map.of("stickyuploads.secret", "c2hvcnQ="));
    }

    @Deployment(name = "shared-without-secret", managed = false, testable = false)
    static WebArchive sharedWithoutSecret() {
        return Deployments.war("shared-without-secret", Map.of("stickyuploads.storage", "directory",
                "stickyuploads.directory.path", StorageFolder.fresh("shared-without-secret").root().toString()));
    }

    @Deployment(name = "directory-without-path", managed = false, testable = false)
    static WebArchive directoryWithoutPath() {
        return Deployments.war("directory-without-path", Map.of("stickyuploads.storage", "directory",
                "stickyuploads.secret", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="));
    }

    @Deployment(name = "unknown-datasource", managed = false, testable = false)
    static WebArchive unknownDataSource() {
        return Deployments.war("unknown-datasource", Map.of("stickyuploads.storage", "jdbc",
                "stickyuploads.jdbc.datasource", "java:app/jdbc/nothing",
                "stickyuploads.secret", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="));
    }

    @Test
    void aSharedStorageWithAGeneratedSecretStopsTheDeployment() {
        assertDeploymentFails("shared-without-secret", "stickyuploads.secret", "shared between servers",
                "the same base64 key on every server");
    }

    @Test
    void theDirectoryStorageWithoutAPathStopsTheDeployment() {
        assertDeploymentFails("directory-without-path", "stickyuploads.directory.path", "a folder that every server mounts");
    }

    @Test
    void anUnknownDataSourceStopsTheWebApplication() {
        assertDeploymentFails("unknown-datasource", "stickyuploads.jdbc.datasource", "no DataSource named 'java:app/jdbc/nothing'");
    }

    @Test
    void anUnknownStorageStopsTheDeployment() {
        assertDeploymentFails("unknown-storage", "stickyuploads.storage", "there is no storage named 's3'", "known storages: directory, jdbc, temp");
    }

    @Test
    void anUnparsableSizeStopsTheDeployment() {
        assertDeploymentFails("bad-size", "stickyuploads.max-size", "write bytes or a number with K, M or G");
    }

    @Test
    void aShortSecretStopsTheDeployment() {
        assertDeploymentFails("short-secret", "stickyuploads.secret", "it needs at least 32");
    }

    private void assertDeploymentFails(String deployment, String... expectedFragments) {
        List<String> log = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                log.add(record.getMessage() + (record.getThrown() == null ? "" : " " + record.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            // The embedded connector logs a failed deployment instead of throwing it.
            deployer.deploy(deployment);
        } catch (RuntimeException e) {
            log.add(e.toString());
        } finally {
            root.removeHandler(capture);
        }
        String failure = log.stream().filter(line -> line.contains("Invalid configuration")).findFirst()
                .orElseThrow(() -> new AssertionError("no deployment failure was logged: " + log));
        for (String fragment : expectedFragments) {
            assertTrue(failure.contains(fragment), "the error names '" + fragment + "': " + failure);
        }
        UploadClient.Answer answer = UploadClient.to(base(deployment)).as("alice").file("upload", "cv.pdf", Samples.pdf(100))
                .post("sticky-uploads/default");
        // 404: not deployed; 500: deployed, but its web application did not start (a check that needs java:app).
        assertTrue(answer.status() == 404 || answer.status() == 500, "the application must not be running: " + answer);
    }

    private static URL base(String deployment) {
        try {
            String context = Map.of("unknown-storage", "bad-storage").getOrDefault(deployment, deployment);
            return new URL("http://localhost:" + System.getProperty("http.port.it", "18180") + "/" + context + "/");
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}

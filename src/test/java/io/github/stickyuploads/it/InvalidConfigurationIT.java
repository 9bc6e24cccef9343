package io.github.stickyuploads.it;

import io.github.stickyuploads.testing.DeploymentFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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

    private static final Path ROOTS = StorageFolder.fresh("invalid-roots").root();
    private static final Path LINKED_ROOT = ROOTS.resolve("linked");
    private static final Path FOREIGN_ROOT = ROOTS.resolve("foreign");
    private static final Path OPEN_ROOT = ROOTS.resolve("open");
    private static final Path PLANTED_SECRET_ROOT = ROOTS.resolve("planted");

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

    @Deployment(name = "linked-root", managed = false, testable = false)
    static WebArchive linkedRoot() {
        return Deployments.war("linked-root", Map.of("stickyuploads.temp.path", LINKED_ROOT.toString()));
    }

    @Deployment(name = "foreign-root", managed = false, testable = false)
    static WebArchive foreignRoot() {
        return Deployments.war("foreign-root", Map.of("stickyuploads.temp.path", FOREIGN_ROOT.toString()));
    }

    @Deployment(name = "open-root", managed = false, testable = false)
    static WebArchive openRoot() {
        return Deployments.war("open-root", Map.of("stickyuploads.temp.path", OPEN_ROOT.toString()));
    }

    @Deployment(name = "planted-secret", managed = false, testable = false)
    static WebArchive plantedSecret() {
        return Deployments.war("planted-secret", Map.of("stickyuploads.temp.path", PLANTED_SECRET_ROOT.toString()));
    }

    @Test
    void aTempRootThatIsASymbolicLinkStopsTheDeployment() throws IOException {
        Path elsewhere = Files.createDirectories(ROOTS.resolve("elsewhere"));
        Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rwx------"));
        Files.deleteIfExists(LINKED_ROOT);
        Files.createSymbolicLink(LINKED_ROOT, elsewhere);
        assertDeploymentFails("linked-root", "stickyuploads.temp.path", LINKED_ROOT + " is a symbolic link");
    }

    @Test
    void aTempRootOfAnotherUserStopsTheDeployment() throws IOException {
        Files.createDirectories(FOREIGN_ROOT);
        Files.setPosixFilePermissions(FOREIGN_ROOT, PosixFilePermissions.fromString("rwx------"));
        Files.setOwner(FOREIGN_ROOT, FOREIGN_ROOT.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        assertDeploymentFails("foreign-root", "stickyuploads.temp.path", FOREIGN_ROOT + " belongs to nobody");
    }

    @Test
    void aTempRootOpenToOthersStopsTheDeployment() throws IOException {
        Files.createDirectories(OPEN_ROOT);
        Files.setPosixFilePermissions(OPEN_ROOT, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertDeploymentFails("open-root", "stickyuploads.temp.path", OPEN_ROOT + " is open to other users");
    }

    @Test
    void aSecretThatSomeoneElseCouldHavePlantedStopsTheDeployment() throws IOException {
        Files.createDirectories(PLANTED_SECRET_ROOT);
        Files.setPosixFilePermissions(PLANTED_SECRET_ROOT, PosixFilePermissions.fromString("rwx------"));
        Path secret = PLANTED_SECRET_ROOT.resolve("secret.key");
        Files.writeString(secret, Base64.getEncoder().encodeToString(new byte[32]));
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        assertDeploymentFails("planted-secret", "stickyuploads.secret", secret + " is open to other users");
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
        try {
            DeploymentFailure.of(() -> deployer.deploy(deployment), expectedFragments);
            UploadClient.Answer answer = UploadClient.to(base(deployment)).as("alice").file("upload", "cv.pdf", Samples.pdf(100))
                    .post("sticky-uploads/default");
            // 404: not deployed; 500 or 503: deployed, but its web application did not start.
            assertTrue(answer.status() == 404 || answer.status() >= 500, "the application must not be running: " + answer);
        } finally {
            // What a server keeps of a failed application (Liberty: the WAR in dropins) must not outlive the test.
            deployer.undeploy(deployment);
        }
    }

    private static URL base(String deployment) {
        return Deployments.unmanagedUrl(Map.of("unknown-storage", "bad-storage").getOrDefault(deployment, deployment));
    }
}

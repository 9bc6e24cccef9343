package io.github.stickyuploads.s3.it;

import io.github.stickyuploads.testing.DeploymentFailure;
import io.github.stickyuploads.testing.ServerLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stickyuploads.s3.testing.S3ProxyServer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An s3 storage that cannot work stops the deployment, with a message that names the key to fix and S3's error
 * code, never a secret: a missing bucket, wrong credentials, an unreachable service, no bucket configured, and no
 * shared secret for this shared storage.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class S3InvalidConfigurationIT {

    private static final String WRONG_SECRET = "wrong-secret-" + Long.toHexString(System.nanoTime());
    private static S3ProxyServer server;

    @ArquillianResource
    Deployer deployer;

    private static synchronized S3ProxyServer server() {
        if (server == null) {
            server = S3ProxyServer.start();
            server.createBucket("present");
        }
        return server;
    }

    @AfterAll
    static void stopS3() {
        if (server != null) {
            server.close();
        }
    }

    private static Map<String, String> s3(String name, String bucket) {
        return Deployments.s3(server(), bucket, name);
    }

    @Deployment(name = "missing-bucket", managed = false, testable = false)
    static WebArchive missingBucket() {
        return Deployments.war("missing-bucket", s3("missing-bucket", "absent"));
    }

    @Deployment(name = "wrong-credentials", managed = false, testable = false)
    static WebArchive wrongCredentials() {
        return Deployments.war("wrong-credentials", s3("wrong-credentials", "present"));
    }

    @Deployment(name = "unreachable", managed = false, testable = false)
    static WebArchive unreachable() {
        Map<String, String> config = s3("unreachable", "present");
        config.put("stickyuploads.s3.endpoint", "http://127.0.0.1:" + S3ProxyServer.freePort());
        return Deployments.war("unreachable", config);
    }

    @Deployment(name = "no-bucket", managed = false, testable = false)
    static WebArchive noBucket() {
        Map<String, String> config = s3("no-bucket", "present");
        config.remove("stickyuploads.s3.bucket");
        return Deployments.war("no-bucket", config);
    }

    @Deployment(name = "no-secret", managed = false, testable = false)
    static WebArchive noSecret() {
        Map<String, String> config = s3("no-secret", "present");
        config.remove("stickyuploads.secret");
        return Deployments.war("no-secret", config);
    }

    @Test
    void aMissingBucketStopsTheDeployment() {
        assertDeploymentFails("missing-bucket", "stickyuploads.s3.bucket", "the bucket 'absent' does not exist",
                "404 NoSuchBucket");
    }

    @Test
    void wrongCredentialsStopTheDeploymentWithoutShowingThem() {
        // The credentials come from the SDK's default chain only; here, the system properties of this JVM, which the
        // embedded server shares: wrong while this one application starts.
        String right = System.getProperty("aws.secretAccessKey");
        System.setProperty("aws.secretAccessKey", WRONG_SECRET);
        String failure;
        try {
            failure = assertDeploymentFails("wrong-credentials", "AWS_ACCESS_KEY_ID", "refused the credentials",
                    "403 SignatureDoesNotMatch", "AWS_SECRET_ACCESS_KEY");
        } finally {
            System.setProperty("aws.secretAccessKey", right);
        }
        assertFalse(failure.contains(WRONG_SECRET), failure);
        assertFalse(failure.contains(right), failure);
    }

    @Test
    void anUnreachableServiceStopsTheDeployment() {
        assertDeploymentFails("unreachable", "stickyuploads.s3.endpoint", "cannot reach the S3 service", "Connection refused");
    }

    @Test
    void noBucketStopsTheDeployment() {
        assertDeploymentFails("no-bucket", "stickyuploads.s3.bucket", "name the bucket");
    }

    @Test
    void theSharedStorageWithAGeneratedSecretStopsTheDeployment() {
        assertDeploymentFails("no-secret", "stickyuploads.secret", "the storage 's3' is shared between servers");
    }

    /** @return the logged failure, after checking that it names every fragment and that the application is not up */
    private String assertDeploymentFails(String deployment, String... expectedFragments) {
        String failure = DeploymentFailure.of(() -> deployer.deploy(deployment), expectedFragments);
        Uploads.Answer answer = new Uploads(URI.create("http://localhost:" + System.getProperty("http.port.it") + "/"
                + deployment + "/"), "alice").upload("sticky-uploads/default", "cv.pdf", Uploads.pdf(100, 1), 100, false);
        // 404: not deployed; 500 or 503: deployed, but its web application did not start.
        assertTrue(answer.status() == 404 || answer.status() >= 500, "the application must not be running: " + answer);
        assertEquals(List.of(), server().keys("present"), "no probe left behind");
        try {
            deployer.undeploy(deployment);
        } catch (RuntimeException notDeployed) {
            // The embedded server may have dropped it already.
        }
        System.out.println("[deployment " + deployment + "] " + failure);
        return failure;
    }
}

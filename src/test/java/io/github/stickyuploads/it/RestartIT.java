package io.github.stickyuploads.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stickyuploads.it.ownapp.ApiApplication;
import io.github.stickyuploads.it.ownapp.ClaimProbe;
import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With the default configuration (a generated secret), a token minted before a restart is good after it. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RestartIT {

    private static final StorageFolder STORAGE = StorageFolder.fresh("restart");

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "restart", managed = false, testable = false)
    static WebArchive deployment() {
        return Deployments.war("restart", Map.of("stickyuploads.temp.path", STORAGE.root().toString()),
                ApiApplication.class, ClaimProbe.class);
    }

    @Test
    void aTokenSurvivesARestartOfTheApplication() throws Exception {
        URL base = Deployments.unmanagedUrl("restart");
        byte[] pdf = Samples.pdf(5_000);
        deployer.deploy("restart");
        String token = UploadClient.to(base).as("alice").file("upload", "cv.pdf", pdf).post("sticky-uploads/default")
                .json().getString("stored");

        deployer.undeploy("restart");
        assertEquals(404, UploadClient.to(base).as("alice").claim(token, "/restart/sticky-uploads/default").status(), "down");
        deployer.deploy("restart");
        try {
            var claimed = UploadClient.to(base).as("alice").claim(token, "/restart/sticky-uploads/default").json();
            assertTrue(claimed.getBoolean("found"), "the generated secret was kept: " + claimed);
            assertEquals(Samples.sha256(pdf), claimed.getString("sha256_read"));
        } finally {
            deployer.undeploy("restart");
        }
    }
}

package io.github.stickyuploads.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.stickyuploads.it.events.EventLog;
import io.github.stickyuploads.it.ownapp.ApiApplication;
import io.github.stickyuploads.it.ownapp.ClaimProbe;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An upload lives for stickyuploads.expiry, then its token gives no file and the purge removes it. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExpiryIT {

    private static final StorageFolder STORAGE = StorageFolder.fresh("expiry");

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("expiry", Map.of("stickyuploads.temp.path", STORAGE.root().toString(),
                "stickyuploads.expiry", "PT2S", "stickyuploads.cleanup-interval", "PT0.5S"), ApiApplication.class, ClaimProbe.class,
                EventLog.class);
    }

    @Test
    void anExpiredUploadGivesNoFileAndIsPurged() throws Exception {
        UploadClient.Answer answer = UploadClient.to(deployment).as("alice").file("upload", "cv.pdf", Samples.pdf(1_000))
                .post("sticky-uploads/default");
        assertEquals(200, answer.status(), answer::toString);
        String token = answer.json().getString("stored");
        assertEquals(1, STORAGE.count());

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (STORAGE.count() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }

        assertEquals(0, STORAGE.count(), "purged within the deadline");
        assertFalse(UploadClient.to(deployment).as("alice").claim(token, deployment.getPath() + "sticky-uploads/default")
                .json().getBoolean("found"), "an expired token gives no file");
    }

    @Test
    void theApplicationObservesStoredReleasedAndExpiredUploads() throws Exception {
        String released = UploadClient.to(deployment).as("bob").file("upload", "letter.txt", Samples.text(300))
                .post("sticky-uploads/default").json().getString("stored");
        UploadClient.to(deployment).as("bob").file("upload", "cv.pdf", Samples.pdf(700)).post("sticky-uploads/default");
        assertEquals(204, UploadClient.to(deployment).as("bob").delete("sticky-uploads/default", released).status());

        String expected = String.join("\n", "Stored temp bob letter.txt text/plain 300", "Stored temp bob cv.pdf application/pdf 700",
                "Released temp bob letter.txt text/plain 300", "Expired temp bob cv.pdf application/pdf 700");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        String events = "";
        while (!events.contains("Expired temp bob") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            events = UploadClient.to(deployment).get("api/events").body();
        }
        assertEquals(expected, events.lines().filter(line -> line.contains(" bob ")).collect(java.util.stream.Collectors.joining("\n")));
    }
}

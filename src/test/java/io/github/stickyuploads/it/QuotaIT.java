package io.github.stickyuploads.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Per-user quotas of live temporary uploads: beyond them 429, nothing stored, and other users unaffected. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class QuotaIT {

    private static final StorageFolder STORAGE = StorageFolder.fresh("quota");

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("quota", Map.of("stickyuploads.temp.path", STORAGE.root().toString(),
                "stickyuploads.quota.files", "3", "stickyuploads.quota.bytes", "10K", "stickyuploads.max-size", "100K"));
    }

    private UploadClient.Answer upload(String user, int size) {
        return UploadClient.to(deployment).as(user).file("upload", "cv.pdf", Samples.pdf(size)).post("sticky-uploads/default");
    }

    @Test
    void aUserWithTooManyFilesWaitingIsRefusedUntilOneIsRemoved() {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tokens.add(upload("alice", 500).json().getString("stored"));
        }
        int before = STORAGE.count();

        UploadClient.Answer fourth = upload("alice", 500);
        assertEquals(429, fourth.status(), fourth::toString);
        assertEquals("You already have 3 files waiting to be sent with a form. Remove one, or send the form first.",
                fourth.error("__all__"));
        assertEquals(before, STORAGE.count(), "nothing stored");
        assertEquals(200, upload("carol", 500).status(), "another user is not affected");

        assertEquals(204, UploadClient.to(deployment).as("alice").delete("sticky-uploads/default", tokens.get(0)).status());
        assertEquals(200, upload("alice", 500).status(), "room again after a Remove");
    }

    @Test
    void aUserWhoseWaitingFilesWouldTakeTooManyBytesIsRefused() {
        assertEquals(200, upload("bob", 6 * 1024).status());
        int before = STORAGE.count();

        UploadClient.Answer tooMuch = upload("bob", 5 * 1024);
        assertEquals(429, tooMuch.status(), tooMuch::toString);
        assertEquals("Your files waiting to be sent with a form would take more than 10 KB. Remove one, or send the form first.",
                tooMuch.error("__all__"));
        assertEquals(before, STORAGE.count(), "nothing of it stored");
        assertEquals(200, upload("bob", 3 * 1024).status(), "what still fits is accepted");
    }
}

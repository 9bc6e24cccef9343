package io.github.stickyuploads.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.stickyuploads.it.storage.RecordingStorage;
import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * stickyuploads.storage names an application's own @Named storage bean, and that bean is the one used; a
 * {@code @Dependent} one is made once, not on every call.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CustomStorageIT {

    private static final StorageFolder TEMP = StorageFolder.fresh("custom-temp");
    private static final StorageFolder RECORDING = StorageFolder.fresh("custom-recording");
    private static final StorageFolder INSTANCES = StorageFolder.fresh("custom-recording-instances");

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("custom", Map.of("stickyuploads.storage", "recording",
                "stickyuploads.temp.path", TEMP.root().toString(),
                "test.recording-storage", RECORDING.root().toString(),
                "test.recording-instances", INSTANCES.root().toString()), RecordingStorage.class);
    }

    @Test
    void uploadsGoToTheConfiguredStorage() {
        UploadClient.Answer answer = UploadClient.to(deployment).as("alice").file("upload", "cv.pdf", Samples.pdf(4_000))
                .post("sticky-uploads/default");

        assertEquals(200, answer.status(), answer::toString);
        assertEquals(1, RECORDING.count(), "kept by the application's storage");
        assertEquals(0, TEMP.count(), "nothing in the default storage");
        assertEquals(204, UploadClient.to(deployment).as("alice").delete("sticky-uploads/default",
                answer.json().getString("stored")).status(), "released through the same storage");
        assertEquals(0, RECORDING.count());
    }

    @Test
    void aDependentStorageIsMadeOnceForAllItsCalls() {
        for (int i = 0; i < 3; i++) { // each a quota check, a store and a release
            UploadClient.Answer answer = UploadClient.to(deployment).as("bob").file("upload", "cv.pdf", Samples.pdf(4_000))
                    .post("sticky-uploads/default");
            assertEquals(200, answer.status(), answer::toString);
            assertEquals(204, UploadClient.to(deployment).as("bob").delete("sticky-uploads/default",
                    answer.json().getString("stored")).status());
        }
        assertEquals(1, INSTANCES.allFiles().size(), "instances of the storage: " + INSTANCES.allFiles());
    }
}

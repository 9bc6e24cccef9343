package io.github.stickyuploads.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stickyuploads.it.endpoint.CvStorage;
import io.github.stickyuploads.it.endpoint.CvUploads;
import io.github.stickyuploads.it.ownapp.ApiApplication;
import io.github.stickyuploads.it.ownapp.ClaimProbe;
import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A subclass of the resource under its own path, with its own roles and storage, beside the default one. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecondEndpointIT {

    private static final StorageFolder TEMP = StorageFolder.fresh("second-temp");
    private static final StorageFolder CV = StorageFolder.fresh("second-cv");

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("second", Map.of("stickyuploads.temp.path", TEMP.root().toString(),
                        "test.cv-storage", CV.root().toString()),
                CvUploads.class, CvStorage.class, ApiApplication.class, ClaimProbe.class);
    }

    @Test
    void theSecondEndpointStoresInItsOwnStorage() {
        int temp = TEMP.count();
        int cv = CV.count();

        UploadClient.Answer answer = UploadClient.to(deployment).as("bob").file("upload", "cv.pdf", Samples.pdf(2_000))
                .post("sticky-uploads/cv");

        assertEquals(200, answer.status(), answer::toString);
        assertEquals(cv + 1, CV.count(), "stored in the endpoint's storage");
        assertEquals(temp, TEMP.count(), "not in the default storage");
    }

    @Test
    void theSecondEndpointHasItsOwnRoles() {
        UploadClient.Answer answer = UploadClient.to(deployment).as("alice").file("upload", "cv.pdf", Samples.pdf(2_000))
                .post("sticky-uploads/cv");

        assertEquals(403, answer.status(), answer::toString);
        assertEquals("You are not allowed to upload files.", answer.error("__all__"));
        int temp = TEMP.count();
        int cv = CV.count();
        assertEquals(200, UploadClient.to(deployment).as("alice").file("upload", "cv.pdf", Samples.pdf(2_000))
                .post("sticky-uploads/default").status(), "the default endpoint still admits alice");
        assertEquals(temp + 1, TEMP.count(), "and keeps its file in the default storage: no subclass stands in for it");
        assertEquals(cv, CV.count());
        assertEquals(401, UploadClient.to(deployment).file("upload", "cv.pdf", Samples.pdf(2_000))
                .post("sticky-uploads/cv").status(), "anonymous");
    }

    @Test
    void aTokenOfOneEndpointIsRefusedByTheOther() {
        String cvToken = UploadClient.to(deployment).as("bob").file("upload", "cv.pdf", Samples.pdf(2_500))
                .post("sticky-uploads/cv").json().getString("stored");
        String defaultToken = UploadClient.to(deployment).as("bob").file("upload", "cv.pdf", Samples.pdf(2_500))
                .post("sticky-uploads/default").json().getString("stored");
        String cvUrl = deployment.getPath() + "sticky-uploads/cv";
        String defaultUrl = deployment.getPath() + "sticky-uploads/default";

        assertTrue(UploadClient.to(deployment).as("bob").claim(cvToken, cvUrl).json().getBoolean("found"));
        assertFalse(UploadClient.to(deployment).as("bob").claim(cvToken, defaultUrl).json().getBoolean("found"));
        assertTrue(UploadClient.to(deployment).as("bob").claim(defaultToken, defaultUrl).json().getBoolean("found"));
        assertFalse(UploadClient.to(deployment).as("bob").claim(defaultToken, cvUrl).json().getBoolean("found"));

        assertEquals(404, UploadClient.to(deployment).as("bob").delete("sticky-uploads/default", cvToken).status());
        assertEquals(404, UploadClient.to(deployment).as("bob").delete("sticky-uploads/cv", defaultToken).status());
        assertEquals(204, UploadClient.to(deployment).as("bob").delete("sticky-uploads/cv", cvToken).status());
        assertEquals(204, UploadClient.to(deployment).as("bob").delete("sticky-uploads/default", defaultToken).status());
    }
}

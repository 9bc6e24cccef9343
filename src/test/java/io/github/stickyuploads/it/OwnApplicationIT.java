package io.github.stickyuploads.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stickyuploads.it.ownapp.ApiApplication;
import io.github.stickyuploads.it.ownapp.ClaimProbe;
import jakarta.json.JsonObject;
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
 * An application with a JAX-RS application of its own that takes every resource it finds: the endpoint is
 * still at /sticky-uploads/default, exposed once, and a token is turned back into its file on submit only
 * for its owner and the endpoint that minted it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OwnApplicationIT {

    private static final StorageFolder STORAGE = StorageFolder.fresh("ownapp");

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("ownapp", Map.of("stickyuploads.temp.path", STORAGE.root().toString(),
                        "stickyuploads.messages", "custom-messages"),
                ApiApplication.class, ClaimProbe.class)
                .addAsResource("ownapp/custom-messages.properties", "custom-messages.properties")
                .addAsResource("ownapp/custom-messages_de.properties", "custom-messages_de.properties");
    }

    private String endpointPath() {
        return deployment.getPath() + "sticky-uploads/default";
    }

    @Test
    void theApplicationsOwnResourcesStillWork() {
        UploadClient.Answer answer = UploadClient.to(deployment).get("api/claim/hello");
        assertEquals(200, answer.status(), answer::toString);
        assertEquals("hello", answer.body());
    }

    @Test
    void theEndpointIsExposedOnceOnly() {
        assertEquals(200, UploadClient.to(deployment).as("alice").file("upload", "cv.pdf", Samples.pdf(900))
                .post("sticky-uploads/default").status(), "the library's own path");
        for (String elsewhere : new String[] {"api/default", "api/sticky-uploads/default"}) {
            UploadClient.Answer answer = UploadClient.to(deployment).as("alice").file("upload", "cv.pdf", Samples.pdf(900))
                    .post(elsewhere);
            assertEquals(404, answer.status(), elsewhere + ": " + answer);
        }
    }

    @Test
    void aTokenGivesItsFileBackIntactToItsOwner() {
        byte[] pdf = Samples.pdf(20_000);
        String token = UploadClient.to(deployment).as("alice").file("upload", "cv.pdf", pdf).post("sticky-uploads/default")
                .json().getString("stored");

        JsonObject claimed = UploadClient.to(deployment).as("alice").claim(token, endpointPath()).json();

        assertTrue(claimed.getBoolean("found"), claimed::toString);
        assertEquals("cv.pdf", claimed.getString("filename"));
        assertEquals(pdf.length, claimed.getJsonNumber("size").longValueExact());
        assertEquals("application/pdf", claimed.getString("content_type"));
        assertEquals(Samples.sha256(pdf), claimed.getString("sha256"), "the digest the server measured");
        assertEquals(Samples.sha256(pdf), claimed.getString("sha256_read"), "the bytes read back");
    }

    @Test
    void aTokenGivesNoFileToAnotherUserForAnotherUrlOrWhenTampered() {
        String token = UploadClient.to(deployment).as("alice").file("upload", "cv.pdf", Samples.pdf(3_000))
                .post("sticky-uploads/default").json().getString("stored");

        assertFalse(UploadClient.to(deployment).as("carol").claim(token, endpointPath()).json().getBoolean("found"),
                "another user");
        UploadClient.Answer elsewhere = UploadClient.to(deployment).as("alice").claim(token, deployment.getPath() + "sticky-uploads/other");
        assertEquals(400, elsewhere.status(), "a URL that names no endpoint is the application's mistake: " + elsewhere);
        assertTrue(elsewhere.json().getString("error").contains("names no upload endpoint of this application; its endpoints are "
                + endpointPath()), elsewhere.body());
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertFalse(UploadClient.to(deployment).as("alice").claim(tampered, endpointPath()).json().getBoolean("found"),
                "a tampered token");
        assertFalse(UploadClient.to(deployment).claim(token, endpointPath()).json().getBoolean("found"), "nobody logged in");
        assertTrue(UploadClient.to(deployment).as("alice").claim(token, "http://localhost" + endpointPath() + "/")
                .json().getBoolean("found"), "the same endpoint spelled as an absolute URL");
    }

    @Test
    void theApplicationsBundleOverridesSomeMessagesAndTheLibrarysTextsStayForTheOthers() {
        UploadClient.Answer empty = UploadClient.to(deployment).as("alice").file("upload", "cv.pdf", new byte[0])
                .post("sticky-uploads/default");
        assertEquals("There is nothing in that file.", empty.error("upload"));

        UploadClient.Answer german = UploadClient.to(deployment).as("alice").header("Accept-Language", "de-DE, en;q=0.5")
                .file("upload", "cv.pdf", new byte[0]).post("sticky-uploads/default");
        assertEquals("In dieser Datei ist nichts.", german.error("upload"));

        UploadClient.Answer missing = UploadClient.to(deployment).as("alice").header("Accept-Language", "de")
                .file("other", "cv.pdf", Samples.pdf(10)).post("sticky-uploads/default");
        assertEquals("Dieses Feld ist erforderlich.", missing.error("upload"), "the library's German text");

        UploadClient.Answer french = UploadClient.to(deployment).as("alice").header("Accept-Language", "fr")
                .file("other", "cv.pdf", Samples.pdf(10)).post("sticky-uploads/default");
        assertEquals("This field is required.", french.error("upload"), "English for a language nobody speaks");
    }

    @Test
    void aReleasedUploadGivesNoFile() {
        String token = UploadClient.to(deployment).as("alice").file("upload", "cv.pdf", Samples.pdf(3_000))
                .post("sticky-uploads/default").json().getString("stored");
        assertEquals(204, UploadClient.to(deployment).as("alice").delete("sticky-uploads/default", token).status());

        assertFalse(UploadClient.to(deployment).as("alice").claim(token, endpointPath()).json().getBoolean("found"));
    }
}

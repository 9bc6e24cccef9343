package io.github.stickyuploads.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The default endpoint, black-box over HTTP: every row of the contract's table of answers. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UploadEndpointIT {

    private static final StorageFolder STORAGE = StorageFolder.fresh("endpoint");
    private static final String ENDPOINT = "sticky-uploads/default";

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("endpoint", Map.of(
                "stickyuploads.temp.path", STORAGE.root().toString(),
                "stickyuploads.max-size", "100K",
                "stickyuploads.allowed-types", "application/pdf, text/*, image/*"));
    }

    private int before;

    @BeforeEach
    void countUploads() {
        before = STORAGE.count();
    }

    @Test
    void storesAGoodUploadAndAnswersTheContractsJson() throws Exception {
        byte[] pdf = Samples.pdf(48_213);
        UploadClient.Answer answer = UploadClient.to(deployment).as("alice").file("upload", "cv.pdf", pdf).post(ENDPOINT);

        assertEquals(200, answer.status(), answer::toString);
        assertEquals("application/json;charset=UTF-8", answer.contentType().replace(" ", ""), "content type");
        JsonObject json = answer.json();
        assertEquals(Set.of("is_valid", "filename", "size", "content_type", "url", "stored", "expires"), json.keySet());
        assertEquals(JsonValue.TRUE, json.get("is_valid"));
        assertEquals("cv.pdf", json.getString("filename"));
        assertEquals(48_213, json.getJsonNumber("size").longValueExact());
        assertEquals("application/pdf", json.getString("content_type"));
        assertEquals(JsonValue.NULL, json.get("url"));
        assertTrue(json.getString("stored").matches("[A-Za-z0-9_-]{100,1023}"), "a URL-safe token under 1 KB");
        Instant expires = Instant.parse(json.getString("expires"));
        assertTrue(expires.isAfter(Instant.now().plusSeconds(23 * 3600)), "expires in about 24 h: " + expires);

        assertEquals(before + 1, STORAGE.count(), "one upload folder more");
        byte[] stored = Files.readAllBytes(STORAGE.uploads().stream()
                .map(folder -> folder.resolve("content")).filter(content -> {
                    try {
                        return Files.size(content) == pdf.length && Samples.sha256(Files.readAllBytes(content)).equals(Samples.sha256(pdf));
                    } catch (java.io.IOException e) {
                        return false;
                    }
                }).findFirst().orElseThrow(() -> new AssertionError("the bytes were not stored intact")));
        assertArrayEquals(pdf, stored);
    }

    @Test
    void answersAnonymousRequestsWith401Json() {
        UploadClient.Answer answer = UploadClient.to(deployment).file("upload", "cv.pdf", Samples.pdf(500)).post(ENDPOINT);

        assertEquals(401, answer.status(), answer::toString);
        assertEquals("Log in to upload files.", answer.error("__all__"));
        assertEquals(before, STORAGE.count(), "nothing stored");
    }

    @Test
    void refusesAnEmptyFile() {
        UploadClient.Answer answer = UploadClient.to(deployment).as("alice").file("upload", "cv.pdf", new byte[0]).post(ENDPOINT);

        assertEquals(400, answer.status(), answer::toString);
        assertEquals("The submitted file is empty.", answer.error("upload"));
        assertEquals(JsonValue.FALSE, answer.json().get("is_valid"));
        assertEquals(before, STORAGE.count(), "nothing stored");
    }

    @Test
    void requiresTheUploadPart() {
        UploadClient.Answer answer = UploadClient.to(deployment).as("alice").file("other", "cv.pdf", Samples.pdf(500)).post(ENDPOINT);

        assertEquals(400, answer.status(), answer::toString);
        assertEquals("This field is required.", answer.error("upload"));
        assertEquals(before, STORAGE.count(), "nothing stored");
    }

    @Test
    void aTextFieldNamedUploadIsNoFile() {
        UploadClient.Answer answer = UploadClient.to(deployment).as("alice").field("upload", "cv.pdf").post(ENDPOINT);

        assertEquals(400, answer.status(), answer::toString);
        assertEquals("This field is required.", answer.error("upload"));
    }

    @Test
    void refusesAFileOverTheLimitAndKeepsNothingOfIt() {
        UploadClient.Answer answer = UploadClient.to(deployment).as("alice")
                .file("upload", "big.pdf", Samples.pdf(100 * 1024 + 1)).post(ENDPOINT);

        assertEquals(413, answer.status(), answer::toString);
        assertEquals("The file is larger than the limit of 100 KB.", answer.error("upload"));
        assertEquals(before, STORAGE.count(), "nothing stored");
    }

    @Test
    void refusesADeclaredLengthFarOverTheLimitBeforeReadingTheBody() {
        UploadClient.Answer answer = UploadClient.to(deployment).as("alice")
                .file("upload", "huge.pdf", Samples.pdf(2 * 1024 * 1024)).post(ENDPOINT);

        assertEquals(413, answer.status(), answer::toString);
        assertEquals("The file is larger than the limit of 100 KB.", answer.error("upload"));
        assertEquals(before, STORAGE.count(), "nothing stored");
    }

    @Test
    void acceptsAFileOfExactlyTheLimit() {
        UploadClient.Answer answer = UploadClient.to(deployment).as("alice")
                .file("upload", "limit.pdf", Samples.pdf(100 * 1024)).post(ENDPOINT);

        assertEquals(200, answer.status(), answer::toString);
        assertEquals(100 * 1024, answer.json().getJsonNumber("size").longValueExact());
    }

    @Test
    void refusesATypeThatIsNotAllowedJudgedByTheBytes() {
        UploadClient.Answer answer = UploadClient.to(deployment).as("alice").file("upload", "cv.pdf", Samples.zip()).post(ENDPOINT);

        assertEquals(415, answer.status(), answer::toString);
        assertEquals("Files of type application/zip are not accepted here.", answer.error("upload"));
        assertEquals(before, STORAGE.count(), "nothing stored");
    }

    @Test
    void namesTheTypeFromTheBytesNotFromTheName() {
        UploadClient.Answer answer = UploadClient.to(deployment).as("alice").file("upload", "cv.pdf", Samples.png()).post(ENDPOINT);

        assertEquals(200, answer.status(), answer::toString);
        assertEquals("image/png", answer.json().getString("content_type"));
    }

    @Test
    void refusesARequestWithoutXRequestedWith() {
        UploadClient.Answer answer = UploadClient.to(deployment).as("alice").withoutHeader("X-Requested-With")
                .file("upload", "cv.pdf", Samples.pdf(500)).post(ENDPOINT);

        assertEquals(403, answer.status(), answer::toString);
        assertEquals("This upload did not come from this site's upload script.", answer.error("__all__"));
        assertEquals(before, STORAGE.count(), "nothing stored");
    }

    @Test
    void refusesAForeignOrigin() {
        String ownPortElsewhere = "http://evil.example:" + deployment.getPort();
        for (String origin : new String[] {"https://evil.example", ownPortElsewhere, "null", "http://localhost:1"}) {
            UploadClient.Answer answer = UploadClient.to(deployment).as("alice").header("Origin", origin)
                    .file("upload", "cv.pdf", Samples.pdf(500)).post(ENDPOINT);

            assertEquals(403, answer.status(), origin + ": " + answer);
            assertEquals("This upload did not come from this site's upload script.", answer.error("__all__"), origin);
        }
        assertEquals(before, STORAGE.count(), "nothing stored");
    }

    @Test
    void acceptsItsOwnOrigin() {
        String origin = deployment.getProtocol() + "://" + deployment.getHost() + ":" + deployment.getPort();
        UploadClient.Answer answer = UploadClient.to(deployment).as("alice").header("Origin", origin)
                .file("upload", "cv.txt", Samples.text(300)).post(ENDPOINT);

        assertEquals(200, answer.status(), answer::toString);
        assertEquals("text/plain", answer.json().getString("content_type"));
    }

    @Test
    void answersOtherMethodsWith405Json() {
        for (String method : new String[] {"GET", "PUT", "PATCH"}) {
            UploadClient.Answer answer = UploadClient.to(deployment).as("alice").send(method, ENDPOINT);

            assertEquals(405, answer.status(), method + ": " + answer);
            assertEquals("The method " + method + " is not allowed here.", answer.error("__all__"), method);
        }
    }

    @Test
    void refusesABodyThatIsNotMultipart() {
        UploadClient.Answer answer = UploadClient.to(deployment).as("alice").header("Content-Type", "application/json")
                .get(ENDPOINT);

        assertEquals(405, answer.status(), "GET stays a wrong method whatever the body: " + answer);
    }

    @Test
    void refusesTwoUploadPartsAndKeepsNeither() {
        UploadClient.Answer answer = UploadClient.to(deployment).as("alice")
                .file("upload", "a.pdf", Samples.pdf(500)).file("upload", "b.pdf", Samples.pdf(600)).post(ENDPOINT);

        assertEquals(400, answer.status(), answer::toString);
        assertEquals("Send one file per request.", answer.error("upload"));
        assertEquals(before, STORAGE.count(), "nothing stored");
    }

    @Test
    void releasesTheOwnersUploadOnce() {
        String token = UploadClient.to(deployment).as("alice").file("upload", "cv.pdf", Samples.pdf(700)).post(ENDPOINT)
                .json().getString("stored");
        assertEquals(before + 1, STORAGE.count());

        assertEquals(404, UploadClient.to(deployment).as("carol").delete(ENDPOINT, token).status(), "another user's token");
        assertEquals(before + 1, STORAGE.count(), "still there after a foreign release");

        assertEquals(204, UploadClient.to(deployment).as("alice").delete(ENDPOINT, token).status());
        assertEquals(before, STORAGE.count(), "released");

        UploadClient.Answer again = UploadClient.to(deployment).as("alice").delete(ENDPOINT, token);
        assertEquals(404, again.status(), again::toString);
        assertEquals("There is no such upload.", again.error("__all__"));
    }

    @Test
    void refusesToReleaseAGarbageToken() {
        assertEquals(404, UploadClient.to(deployment).as("alice").delete(ENDPOINT, "not-a-token").status());
        assertEquals(401, UploadClient.to(deployment).delete(ENDPOINT, "not-a-token").status(), "anonymous");
    }

    @Test
    void sanitisesHostileFilenamesAndStoresInsideTheStorage() {
        Map<String, String> expected = Map.of(
                "../../etc/passwd", "passwd",
                "..\\..\\boot.ini", "boot.ini",
                "cv\u0000.txt", "cv.txt",
                "in\u202Evoice\u0007.txt", "invoice.txt",
                "CON", "_CON");
        expected.forEach((hostile, safe) -> {
            // Control characters may not travel raw in a header (RFC 9110); a client sends them encoded.
            UploadClient.Answer answer = UploadClient.to(deployment).as("alice")
                    .fileWithEncodedName("upload", hostile, Samples.text(50)).post(ENDPOINT);
            assertEquals(200, answer.status(), hostile + ": " + answer);
            assertEquals(safe, answer.json().getString("filename"), hostile);
        });
        assertTrue(STORAGE.allFiles().stream().allMatch(file -> file.getFileName().toString().matches("content|metadata\\.properties|secret\\.key")),
                "only server-chosen names on disk: " + STORAGE.allFiles());
    }
}

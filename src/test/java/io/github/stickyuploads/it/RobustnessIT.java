package io.github.stickyuploads.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stickyuploads.it.ownapp.ApiApplication;
import io.github.stickyuploads.it.ownapp.ClaimProbe;
import io.github.stickyuploads.testing.ServerLog;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client that goes away mid-upload, one that writes a too large upload whole before it reads the answer, and what
 * the server writes to its log.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RobustnessIT {

    private static final StorageFolder STORAGE = StorageFolder.fresh("robustness");
    private static final String SECRET = Base64.getEncoder().encodeToString("robustness-it-secret-0123456789ab".getBytes());

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("robustness", Map.of("stickyuploads.temp.path", STORAGE.root().toString(),
                "stickyuploads.secret", SECRET, "stickyuploads.allowed-types", "application/pdf"),
                ApiApplication.class, ClaimProbe.class);
    }

    @Test
    void aClientThatDisconnectsMidUploadLeavesNothingAndTheNextUploadWorks() throws Exception {
        int before = STORAGE.count();
        UploadClient parts = UploadClient.to(deployment).file("upload", "cv.pdf", Samples.pdf(2_000_000));
        byte[] body = parts.body();
        try (Socket socket = new Socket(deployment.getHost(), deployment.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + deployment.getPath() + "sticky-uploads/default HTTP/1.1\r\nHost: " + deployment.getHost() + ":"
                    + deployment.getPort() + "\r\nAuthorization: Basic " + Base64.getEncoder().encodeToString("alice:alice-pw".getBytes())
                    + "\r\nX-Requested-With: XMLHttpRequest\r\nContent-Type: " + parts.contentType() + "\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 3);
            out.flush();
            for (int i = 0; i < 50 && STORAGE.count() == before; i++) {
                Thread.sleep(100);
            }
            assertEquals(before + 1, STORAGE.count(), "the upload is in progress when the client goes away");
        }
        for (int i = 0; i < 50 && STORAGE.count() > before; i++) {
            Thread.sleep(100);
        }
        assertEquals(before, STORAGE.count(), "no partial upload remains");

        UploadClient.Answer next = UploadClient.to(deployment).as("alice").file("upload", "cv.pdf", Samples.pdf(1_000))
                .post("sticky-uploads/default");
        assertEquals(200, next.status(), next::toString);
    }

    /**
     * The case: 11 MiB against the default limit of 10 MB. The library reads and drops the body before it
     * answers; a server that cuts the connection first (WildFly's default max-post-size is 10 MiB) loses the answer.
     */
    @Test
    void anUploadOverTheDefaultLimitWrittenWholeBeforeReadingGetsTheJson413() {
        UploadClient parts = UploadClient.to(deployment).file("upload", "cv.pdf", Samples.pdf(11 * 1024 * 1024));
        byte[] body = parts.body();
        RawHttp.Answer answer = RawHttp.send(deployment, RawHttp.post(deployment, "sticky-uploads/default", "Connection: close",
                "Content-Type: " + parts.contentType(), "Content-Length: " + body.length), body);

        assertEquals(413, answer.status(), answer::toString);
        assertEquals("The file is larger than the limit of 10 MB.", answer.asUploadAnswer().error("upload"));
    }

    @Test
    void theLogNeverHoldsATokenTheSecretOrFileContent() {
        String marker = "CONTENT-MARKER-7f3a";
        try (ServerLog log = ServerLog.watch()) {
            String token = UploadClient.to(deployment).as("alice").file("upload", "cv.pdf",
                    ("%PDF-1.7\n% " + marker + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII)).post("sticky-uploads/default")
                    .json().getString("stored");
            UploadClient.to(deployment).as("carol").claim(token, deployment.getPath() + "sticky-uploads/default");
            UploadClient.to(deployment).as("alice").claim(token + "x", deployment.getPath() + "sticky-uploads/default");
            UploadClient.to(deployment).as("alice").file("upload", "notes.txt", (marker + " plain text").getBytes()).post("sticky-uploads/default");
            UploadClient.to(deployment).as("carol").delete("sticky-uploads/default", token);

            List<ServerLog.Entry> logged = log.awaitEntry(entry -> entry.text().contains("Ignoring a sticky-upload token"));
            assertTrue(logged.stream().anyMatch(entry -> entry.text().contains("Ignoring a sticky-upload token")),
                    () -> "the refusals were logged: " + logged);
            for (ServerLog.Entry entry : logged) {
                assertFalse(entry.text().contains(token.substring(0, 40)), "a token in the log: " + entry);
                assertFalse(entry.text().contains(SECRET), "the secret in the log: " + entry);
                assertFalse(entry.text().contains(marker), "file content in the log: " + entry);
            }
        }
    }
}

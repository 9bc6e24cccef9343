package io.github.stickyuploads.s3.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stickyuploads.s3.it.app.SmallUploads;
import io.github.stickyuploads.s3.testing.S3ProxyServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The s3 storage in a real application on embedded Payara, black-box over HTTP, on S3Proxy with SigV4: files of
 * every size around the part boundaries arrive intact; a file over the limit, a client that goes away and a refused
 * type leave no object and no unfinished multipart upload; S3 going down is a 503 in JSON, and uploads work again
 * when it is back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class S3UploadIT {

    private static final int MIB = 1024 * 1024;
    private static final String BUCKET = "uploads";
    private static final String CLAIMS = "sticky-uploads/.deleted/";
    private static S3ProxyServer server;

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive deployment() {
        server = S3ProxyServer.start();
        server.createBucket(BUCKET);
        Map<String, String> config = Deployments.s3(server, BUCKET, "s3-uploads");
        config.put("stickyuploads.max-size", "65M");
        config.put("stickyuploads.allowed-types", "application/pdf, text/plain, application/octet-stream");
        config.put("stickyuploads.quota.files", "100");
        config.put("stickyuploads.quota.bytes", "1G");
        return Deployments.war("s3-uploads", config, SmallUploads.class);
    }

    @AfterAll
    static void stopS3() {
        if (server != null) {
            server.close();
        }
    }

    private Uploads alice() {
        return new Uploads(URI.create(deployment.toString()), "alice");
    }

    private String endpoint(String name) {
        return deployment.getPath() + "sticky-uploads/" + name;
    }

    private static List<String> leftovers() {
        return server.leftovers(BUCKET, CLAIMS);
    }

    @Test
    void filesOfEverySizeAroundThePartBoundariesArriveIntact() throws IOException {
        long[] sizes = {1, 5 * MIB - 1, 5 * MIB, 5 * MIB + 1, 8 * MIB, 8 * MIB + 1, 64 * MIB};
        for (long size : sizes) {
            String sent = Uploads.pdfSha256(size, size);
            Uploads.Answer stored = alice().upload("sticky-uploads/default", "cv-" + size + ".pdf", Uploads.pdf(size, size),
                    size, false);
            assertEquals(200, stored.status(), stored::toString);
            assertEquals(size, stored.json().getJsonNumber("size").longValueExact());

            JsonObject claimed = alice().claim(stored.json().getString("stored"), endpoint("default"), true, true).json();
            assertTrue(claimed.getBoolean("found"), claimed::toString);
            assertEquals(sent, claimed.getString("sha256"), size + " bytes: the digest the library measured");
            assertEquals(sent, claimed.getString("sha256_read"), size + " bytes: the bytes S3 kept");
            assertEquals("cv-" + size + ".pdf", claimed.getString("filename"));
            assertEquals(List.of(), leftovers(), size + " bytes: released, and no unfinished multipart upload");
        }
    }

    @Test
    void aFileOverTheLimitIsRefusedMidStreamAndLeavesNothing() {
        // Chunked, so the library learns the size from the stream alone: the limit of 12 MB is broken in the second part.
        Uploads.Answer refused = alice().upload("sticky-uploads/small", "big.pdf", Uploads.pdf(20L * MIB, 1), 20L * MIB, true);

        assertEquals(413, refused.status(), refused::toString);
        assertEquals("The file is larger than the limit of 12 MB.", refused.error("upload"));
        assertEquals(List.of(), leftovers(), "the multipart upload was aborted");
    }

    @Test
    void aClientThatGoesAwayMidUploadLeavesNothing() throws Exception {
        long size = 40L * MIB;
        String boundary = "----gone";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"gone.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        long length = head.length + size + ("\r\n--" + boundary + "--\r\n").length();
        try (Socket socket = new Socket(deployment.getHost(), deployment.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + endpoint("default") + " HTTP/1.1\r\nHost: " + deployment.getHost() + ":" + deployment.getPort()
                    + "\r\nAuthorization: " + alice().authorization() + "\r\nX-Requested-With: XMLHttpRequest\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(head);
            InputStream pdf = Uploads.pdf(size, 2);
            byte[] chunk = new byte[64 * 1024];
            for (long sent = 0; sent < 20L * MIB; sent += chunk.length) {
                out.write(chunk, 0, pdf.read(chunk));
            }
            out.flush();
            awaitTrue(() -> !server.admin().listMultipartUploads(b -> b.bucket(BUCKET)).uploads().isEmpty(),
                    "the upload streams into S3 as a multipart upload");
            socket.setSoLinger(true, 0); // a reset, as when a browser tab closes
        }
        awaitTrue(() -> leftovers().isEmpty(), "the multipart upload is aborted once the server notices: " + leftovers());
    }

    @Test
    void aRefusedTypeLeavesNothing() {
        byte[] zip = java.util.HexFormat.of().parseHex("504b0304140000000000000000000000000000000000000000000000000000"
                + "504b0506000000000000000000000000000000000000");
        Uploads.Answer refused = alice().upload("sticky-uploads/default", "cv.zip", new java.io.ByteArrayInputStream(zip),
                zip.length, false);

        assertEquals(415, refused.status(), refused::toString);
        assertEquals("Files of type application/zip are not accepted here.", refused.error("upload"));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void s3DownIsA503InJsonLeavesNothingAndUploadsWorkAgainWhenItIsBack() throws IOException {
        server.stop();
        try {
            for (long size : new long[] {1_000, 20L * MIB}) {
                Uploads.Answer down = alice().upload("sticky-uploads/default", "cv.pdf", Uploads.pdf(size, 3), size, size > MIB);
                assertEquals(503, down.status(), down::toString);
                assertTrue(down.contentType().startsWith("application/json"), down::toString);
                assertEquals("The upload storage is unavailable. Try again later.", down.error("__all__"));
            }
        } finally {
            server.restart();
        }
        assertEquals(List.of(), leftovers(), "nothing half-stored while S3 was down");

        long size = 12L * MIB;
        Uploads.Answer back = alice().upload("sticky-uploads/default", "cv.pdf", Uploads.pdf(size, 4), size, false);
        assertEquals(200, back.status(), () -> "works again on the same port and data: " + back);
        JsonObject claimed = alice().claim(back.json().getString("stored"), endpoint("default"), true, true).json();
        assertEquals(Uploads.pdfSha256(size, 4), claimed.getString("sha256_read"));
        assertEquals(List.of(), leftovers());
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within 60 s: " + what);
            }
            Thread.sleep(100);
        }
    }
}

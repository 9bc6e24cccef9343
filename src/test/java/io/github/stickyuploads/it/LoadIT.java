package io.github.stickyuploads.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stickyuploads.it.ownapp.ApiApplication;
import io.github.stickyuploads.it.ownapp.ClaimProbe;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import io.github.stickyuploads.testing.Generated;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 10 users send 100 uploads at once, 64 KB to 4 MB each (about 200 MB in all): every one succeeds, every
 * stored SHA-256 matches what was sent, no token works for another user, and the live heap of the JVM that runs
 * the server grows far less than the data that went through it. The bodies are generated while they are sent, so
 * the client side holds no file in memory either. (Speed is the benchmark's business, not this test's.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoadIT {

    private static final byte[] PDF_MAGIC = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);

    private static final int USERS = 10;
    private static final int UPLOADS = 100;
    /** What 100 streams in flight may hold at once, client and server together: far below the 191 MB they carry. */
    private static final long MAX_LIVE_GROWTH = 64L * 1024 * 1024;

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("load", Map.of("stickyuploads.temp.path", StorageFolder.fresh("load").root().toString(),
                "stickyuploads.max-size", "5M", "stickyuploads.quota.files", "100", "stickyuploads.quota.bytes", "1G"),
                ApiApplication.class, ClaimProbe.class);
    }

    /** One upload's outcome. */
    private record Outcome(String user, String token, String sentSha256, long size) {
    }

    @Test
    void hundredConcurrentUploadsOfTenUsersAllArriveIntact() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                // The live heap, not garbage that waits for a collection: held bodies would show here.
                System.gc();
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();

        ExecutorService pool = Executors.newFixedThreadPool(UPLOADS);
        List<Future<Outcome>> futures = new ArrayList<>();
        long total = 0;
        Random sizes = new Random(42);
        for (int i = 0; i < UPLOADS; i++) {
            String user = "user" + (i % USERS);
            long size = 64 * 1024 + (long) sizes.nextInt(4 * 1024 * 1024 - 64 * 1024);
            total += size;
            long seed = i;
            futures.add(pool.submit(() -> upload(http, user, size, seed)));
        }
        List<Outcome> outcomes = new ArrayList<>();
        try {
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
        } finally {
            pool.shutdown();
            running.set(false);
            sampler.join();
        }

        assertEquals(UPLOADS, outcomes.size());
        for (Outcome outcome : outcomes) {
            JsonObject own = UploadClient.to(deployment).as(outcome.user()).claim(outcome.token(), endpoint()).json();
            assertTrue(own.getBoolean("found"), outcome::toString);
            assertEquals(outcome.sentSha256(), own.getString("sha256"), "the digest the server measured");
            assertEquals(outcome.sentSha256(), own.getString("sha256_read"), "the bytes it kept");
            String other = "user" + ((Integer.parseInt(outcome.user().substring(4)) + 1) % USERS);
            assertFalse(UploadClient.to(deployment).as(other).claim(outcome.token(), endpoint()).json().getBoolean("found"),
                    "no token works for another user");
        }
        long growth = peak.get() - baseline;
        System.out.printf("LoadIT: %d uploads, %d MB in all, peak live heap growth %d MB%n", UPLOADS, total >> 20, growth >> 20);
        // Streaming needs buffers per upload (a few hundred KB on both sides); holding bodies would need the data.
        assertTrue(growth < MAX_LIVE_GROWTH, "the live heap grew by " + (growth >> 20) + " MB for " + (total >> 20)
                + " MB of uploads");
    }

    private String endpoint() {
        return deployment.getPath() + "sticky-uploads/default";
    }

    private Outcome upload(HttpClient http, String user, long size, long seed) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        String boundary = "----load" + seed;
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"f" + seed
                + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        InputStream body = new SequenceInputStream(java.util.Collections.enumeration(List.of(new ByteArrayInputStream(head),
                new java.security.DigestInputStream(Generated.startingWith(PDF_MAGIC, size, seed), sha256), new ByteArrayInputStream(tail))));
        HttpRequest request = HttpRequest.newBuilder(URI.create(deployment + "sticky-uploads/default"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-pw").getBytes()))
                .header("X-Requested-With", "XMLHttpRequest")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body),
                        head.length + size + tail.length))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        UploadClient.Answer answer = new UploadClient.Answer(response.statusCode(), "application/json", response.body());
        assertEquals(size, answer.json().getJsonNumber("size").longValueExact());
        return new Outcome(user, answer.json().getString("stored"), HexFormat.of().formatHex(sha256.digest()), size);
    }

    /** A PDF-looking stream of a given length, made up as it is read. */
}

package io.github.stickyuploads.s3.it;

import io.github.stickyuploads.testing.CheapPdf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stickyuploads.s3.it.app.HeapProbe;
import io.github.stickyuploads.s3.testing.S3ProxyServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.Test;

/**
 * Eight uploads of 1 GiB at once through the s3 storage, on a Payara Micro server (its own JVM) at {@code -Xmx256m}:
 * all succeed and arrive intact (the SHA-256 in the token and the SHA-256 of what S3Proxy stored, against what was
 * sent), and the server's heap stays bounded (read from the server itself by {@link HeapProbe} once a second). Prints
 * and writes the figures to target/heap/report.txt. It takes a few minutes on two cores; run it alone with
 * {@code mvn -f s3 verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=S3HeapIT}.
 */
class S3HeapIT {

    private static final int UPLOADS = 8;
    private static final long SIZE = 1024L * 1024 * 1024;
    private static final String HEAP = "-Xmx256m";
    /** What the live heap may reach: Payara's own needs, one 8 MiB buffer per upload, the SDK's and the parser's. */
    private static final long MAX_LIVE_HEAP = 192L * 1024 * 1024;
    private static final String BUCKET = "heap";

    @Test
    void eightUploadsOfOneGibibyteAtOnceFitIn256Mib() throws Exception {
        Path work = Deployments.freshFolder("heap");
        Instant started = Instant.now();
        try (S3ProxyServer server = S3ProxyServer.start()) {
            server.createBucket(BUCKET);
            Map<String, String> config = Deployments.s3(server, BUCKET, "heap");
            config.put("stickyuploads.max-size", "1100M");
            config.put("stickyuploads.quota.bytes", "2G");
            Path war = work.resolve("heap.war");
            Deployments.war("heap", config, HeapProbe.class).as(ZipExporter.class).exportTo(war.toFile(), true);
            int port = Integer.parseInt(System.getProperty("http.port.heap", "18682"));
            try (PayaraMicro payara = PayaraMicro.start(war, port, work.resolve("payara.log"))) {
                URI base = URI.create("http://127.0.0.1:" + port + "/heap/");
                payara.awaitReady(base.resolve("api/heap"));
                Duration startup = Duration.between(started, Instant.now());
                JsonObject before = new Uploads(base, "alice").call("POST", "api/heap").json();

                HeapSampler sampler = new HeapSampler(base);
                sampler.start();
                Instant uploadsStarted = Instant.now();
                List<Outcome> outcomes = new ArrayList<>();
                ExecutorService pool = Executors.newFixedThreadPool(UPLOADS);
                try {
                    List<Future<Outcome>> futures = new ArrayList<>();
                    for (int i = 0; i < UPLOADS; i++) {
                        int user = i;
                        futures.add(pool.submit(() -> upload(base, user)));
                    }
                    for (Future<Outcome> future : futures) {
                        outcomes.add(future.get());
                    }
                } finally {
                    pool.shutdownNow();
                    sampler.stop();
                }
                Duration uploading = Duration.between(uploadsStarted, Instant.now());
                JsonObject after = new Uploads(base, "alice").call("GET", "api/heap").json();

                for (Outcome outcome : outcomes) {
                    JsonObject claimed = new Uploads(base, outcome.user()).claim(outcome.token(),
                            "/heap/sticky-uploads/default", false, false).json();
                    assertTrue(claimed.getBoolean("found"), claimed::toString);
                    assertEquals(SIZE, claimed.getJsonNumber("size").longValueExact());
                    assertEquals(outcome.sentSha256(), claimed.getString("sha256"), outcome.user() + ": the token's SHA-256");
                }
                Instant hashing = Instant.now();
                List<String> stored = storedSha256s(server.data().resolve(BUCKET));
                assertEquals(outcomes.stream().map(Outcome::sentSha256).sorted().toList(), stored.stream().sorted().toList(),
                        "what S3 stored is what was sent");
                Duration checking = Duration.between(hashing, Instant.now());

                String report = String.format("S3HeapIT: %d uploads of %d MiB at once, server %s%n"
                                + "  server start %d s, uploads %d s (%.0f MiB/s in all), check of the stored files %d s, whole test %d s%n"
                                + "  heap after a GC before the uploads: %d MiB used%n"
                                + "  during the uploads (sampled every second from the server): max used %d MiB; live heap (used right"
                                + " after a System.gc(), every 5 s) at most %d MiB; pools after their last GC at most %d MiB;"
                                + " sum of the pools' peaks %d MiB; of a max of %d MiB%n",
                        UPLOADS, SIZE >> 20, HEAP, startup.toSeconds(), uploading.toSeconds(),
                        UPLOADS * (SIZE >> 20) / Math.max(1.0, uploading.toMillis() / 1000.0), checking.toSeconds(),
                        Duration.between(started, Instant.now()).toSeconds(), before.getJsonNumber("used").longValue() >> 20,
                        sampler.maxUsed.get() >> 20, sampler.maxLive.get() >> 20, sampler.maxAfterGc.get() >> 20,
                        after.getJsonNumber("peak").longValue() >> 20, after.getJsonNumber("max").longValue() >> 20);
                System.out.print(report);
                Files.writeString(work.getParent().getParent().resolve("heap-report.txt"), report);
                assertTrue(sampler.samples.get() > 0, "the heap was sampled");
                assertTrue(sampler.maxLive.get() > 0, "the live heap was sampled");
                assertTrue(sampler.maxLive.get() < MAX_LIVE_HEAP, report);
            } finally {
                deleteTree(server.data().resolve(BUCKET)); // 8 GiB
            }
        }
    }

    private record Outcome(String user, String token, String sentSha256) {
    }

    private static Outcome upload(URI base, int index) throws Exception {
        String user = "user" + index;
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        InputStream content = new DigestInputStream(CheapPdf.of(SIZE, index), sha256);
        Uploads.Answer answer = new Uploads(base, user).upload("sticky-uploads/default", "big-" + index + ".pdf", content, SIZE,
                false);
        assertEquals(200, answer.status(), answer::toString);
        assertEquals(SIZE, answer.json().getJsonNumber("size").longValueExact());
        return new Outcome(user, answer.json().getString("stored"), HexFormat.of().formatHex(sha256.digest()));
    }

    /** The SHA-256 of each object file S3Proxy's filesystem backend keeps under the prefix (claims left out). */
    private static List<String> storedSha256s(Path bucket) throws IOException {
        try (Stream<Path> files = Files.walk(bucket.resolve("sticky-uploads"))) {
            List<Path> objects = files.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().matches("[0-9a-f]{10}-[0-9a-f]{32}")).toList();
            List<String> digests = new ArrayList<>();
            for (Path object : objects) {
                try (InputStream in = Files.newInputStream(object)) {
                    digests.add(io.github.stickyuploads.testing.Generated.sha256(in));
                }
            }
            return digests;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Samples the server's heap once a second while the uploads run. */
    private static final class HeapSampler {

        private final HttpClient http = HttpClient.newHttpClient();
        private final URI probe;
        private final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicLong maxUsed = new AtomicLong();
        final AtomicLong maxAfterGc = new AtomicLong();
        final AtomicLong maxLive = new AtomicLong();
        final AtomicLong samples = new AtomicLong();
        private final Thread thread;

        HeapSampler(URI base) {
            this.probe = base.resolve("api/heap");
            this.thread = new Thread(this::run, "heap-sampler");
        }

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        private void run() {
            while (running.get()) {
                try {
                    // Every fifth sample forces a full GC on the server: its "used" is then what the uploads really hold.
                    boolean collect = samples.get() % 5 == 4;
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(collect ? URI.create(probe + "?gc=true") : probe)
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                    JsonObject heap = new Uploads.Answer(answer.statusCode(), "application/json", answer.body()).json();
                    (collect ? maxLive : maxUsed).accumulateAndGet(heap.getJsonNumber("used").longValue(), Math::max);
                    maxAfterGc.accumulateAndGet(heap.getJsonNumber("after_gc").longValue(), Math::max);
                    samples.incrementAndGet();
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException | RuntimeException e) {
                    // A sample that did not come back; the next may.
                }
            }
        }
    }


    /** A Payara Micro process with the test WAR, killed when closed and when this JVM exits. */
    private static final class PayaraMicro implements AutoCloseable {

        private final Process process;
        private final Path log;
        private final Thread killer;

        private PayaraMicro(Process process, Path log) {
            this.process = process;
            this.log = log;
            this.killer = new Thread(process::destroyForcibly, "payara-micro-killer");
            Runtime.getRuntime().addShutdownHook(killer);
        }

        static PayaraMicro start(Path war, int port, Path log) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = List.of(java, HEAP, "-Daws.accessKeyId=" + S3ProxyServer.identity(),
                    "-Daws.secretAccessKey=" + S3ProxyServer.credential(), "-Daws.disableEc2Metadata=true",
                    "-Daws.configFile=/nonexistent/aws-config", "-Daws.sharedCredentialsFile=/nonexistent/aws-credentials",
                    "-jar", System.getProperty("payara.micro"), "--deploy", war.toString(), "--contextroot", "heap",
                    "--port", String.valueOf(port), "--nocluster");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new PayaraMicro(process, log);
        }

        void awaitReady(URI probe) throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            Instant deadline = Instant.now().plusSeconds(180);
            while (Instant.now().isBefore(deadline)) {
                assertTrue(process.isAlive(), () -> "Payara Micro died:\n" + log());
                try {
                    if (http.send(HttpRequest.newBuilder(probe).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(500);
            }
            throw new AssertionError("Payara Micro did not start:\n" + log());
        }

        String log() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                return e.toString();
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
            Runtime.getRuntime().removeShutdownHook(killer);
        }
    }
}

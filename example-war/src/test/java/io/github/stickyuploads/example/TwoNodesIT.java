package io.github.stickyuploads.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.github.stickyuploads.s3.testing.S3ProxyServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The proof for several servers: two separate JVMs (Payara Micro) run the demo WAR on their own ports with
 * the same secret and storage and no session sharing, as behind a round-robin load balancer. An upload
 * accepted by node A is claimed on node B, released there, gone for A; expired uploads are purged once while
 * both nodes purge. Run for the directory storage on a shared folder, the jdbc storage on PostgreSQL and the s3
 * storage on an S3Proxy.
 */
class TwoNodesIT {

    private static final String SECRET = Base64.getEncoder().encodeToString("two-nodes-share-this-32-byte-key".getBytes());
    private static final Duration EXPIRY = Duration.ofSeconds(15);
    private static final String POSTGRES = "jdbc:postgresql://localhost:5432/sticky?user=sticky&password=sticky";

    @Test
    void theDirectoryStorageOnASharedFolder() throws Exception {
        Path shared = Files.createDirectories(Path.of("target", "two-nodes", "shared-" + UUID.randomUUID()).toAbsolutePath());
        Map<String, String> environment = Map.of("STICKYUPLOADS_STORAGE", "directory",
                "STICKYUPLOADS_DIRECTORY_PATH", shared.toString());
        prove(environment, () -> {
            try (var entries = Files.walk(shared, 2)) {
                return entries.filter(path -> path.getFileName().toString().matches("[0-9a-f]{10}-[0-9a-f]{32}")).count();
            }
        });
    }

    @Test
    void theJdbcStorageOnPostgres() throws Exception {
        Map<String, String> environment = Map.of("STICKYUPLOADS_STORAGE", "jdbc",
                "STICKYUPLOADS_JDBC_DATASOURCE", "java:app/jdbc/stickyuploads");
        try (Connection connection = DriverManager.getConnection(POSTGRES); Statement sql = connection.createStatement()) {
            // The table starts empty: the library's suites (JdbcStorageIT, on every server) leave uploads in the same
            // test database, and the nodes would purge and count those that expire.
            sql.execute("SELECT lo_unlink(content) FROM sticky_uploads");
            sql.execute("DELETE FROM sticky_uploads");
        } catch (java.sql.SQLException noTableYet) {
            // Created by the first node that starts.
        }
        prove(environment, () -> {
            try (Connection connection = DriverManager.getConnection(POSTGRES); Statement sql = connection.createStatement();
                 ResultSet row = sql.executeQuery("SELECT count(*) FROM sticky_uploads WHERE owner = 'demo'")) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    @Test
    void theS3StorageOnAnS3Server() throws Exception {
        String bucket = "two-nodes";
        try (S3ProxyServer s3 = S3ProxyServer.start()) {
            s3.createBucket(bucket);
            Map<String, String> environment = Map.of("STICKYUPLOADS_STORAGE", "s3",
                    "STICKYUPLOADS_S3_BUCKET", bucket,
                    "STICKYUPLOADS_S3_ENDPOINT", s3.endpoint().toString(),
                    "STICKYUPLOADS_S3_PATH_STYLE", "true",
                    "AWS_ACCESS_KEY_ID", S3ProxyServer.identity(),
                    "AWS_SECRET_ACCESS_KEY", S3ProxyServer.credential(),
                    "AWS_REGION", "us-east-1",
                    // No instance metadata service here: without this the SDK's default chains would wait for one.
                    "AWS_EC2_METADATA_DISABLED", "true");
            prove(environment, () -> s3.keys(bucket).stream().filter(key -> !key.startsWith("sticky-uploads/.")).count());
            assertEquals(List.of(), s3.leftovers(bucket, "sticky-uploads/.deleted/"),
                    "no object, multipart upload or part left in the bucket");
        }
    }

    /** Each node keeps its form posts and any temp file in a folder of its own, never in the host's shared one. */
    private static Map<String, String> withOwnTempRoot(Map<String, String> environment, String node) throws java.io.IOException {
        Path root = Path.of("target", "two-nodes", node + "-temp-" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(root.getParent());
        Map<String, String> own = new HashMap<>(environment);
        own.put("STICKYUPLOADS_TEMP_PATH", root.toString());
        return own;
    }

    /** The whole story on two nodes with the given storage settings; {@code stored} counts what the storage holds. */
    private void prove(Map<String, String> storage, Counter stored) throws Exception {
        Map<String, String> environment = new HashMap<>(storage);
        environment.put("STICKYUPLOADS_SECRET", SECRET);
        environment.put("STICKYUPLOADS_EXPIRY", "PT" + EXPIRY.toSeconds() + "S");
        environment.put("STICKYUPLOADS_CLEANUP_INTERVAL", "PT1S");
        String label = storage.get("STICKYUPLOADS_STORAGE");
        try (Node a = Node.start(label + "-a", 18390, withOwnTempRoot(environment, label + "-a"));
             Node b = Node.start(label + "-b", 18391, withOwnTempRoot(environment, label + "-b"))) {
            a.awaitReady();
            b.awaitReady();
            Session onA = a.logIn("demo");
            Session onB = b.logIn("demo");

            // 1. Upload through node A.
            byte[] resume = "%PDF-1.7\n% two nodes\n".repeat(4000).getBytes(StandardCharsets.US_ASCII);
            String token = onA.upload("cv.pdf", resume);
            assertEquals(1, stored.count(), "the upload is in the shared storage");

            // 2. Submit the form on node B with A's token: first failing on the email, then succeeding.
            Document failed = onB.apply("Ann", "not an email", token);
            assertTrue(failed.text().contains("Currently: cv.pdf"), "B restored A's file when the form failed");
            Document confirmation = onB.apply("Ann", "ann@example.org", token);
            assertEquals("Received cv.pdf (" + resume.length + " bytes, SHA-256 " + sha256(resume) + ")",
                    confirmation.selectFirst("#received li").text(), "intact on B");

            // 3. B released it (the demo keeps its own copy), so A no longer has it.
            assertEquals(404, onA.release(token), "gone for A");
            assertEquals(0, stored.count());

            // 4. Uploads nobody claims expire, and the two purging nodes remove each of them once.
            for (int i = 0; i < 3; i++) {
                onA.upload("a" + i + ".pdf", resume);
                onB.upload("b" + i + ".pdf", resume);
            }
            assertEquals(6, stored.count());
            Instant deadline = Instant.now().plus(EXPIRY).plusSeconds(30);
            while (stored.count() > 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
            }
            assertEquals(0, stored.count(), "purged after expiry");
            Thread.sleep(1500); // let both nodes log their last purge
            assertEquals(6, a.purged() + b.purged(), "each expired upload purged exactly once across both nodes");
            assertFalse(a.log().contains("Could not purge") || b.log().contains("Could not purge"), "no purge failed");
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @FunctionalInterface
    private interface Counter {
        long count() throws Exception;
    }

    /** One server: a Payara Micro process with the demo WAR. */
    private static final class Node implements AutoCloseable {

        private static final Pattern PURGED = Pattern.compile("Purged (\\d+) expired uploads");

        private final Process process;
        private final Path log;
        final URI base;

        private Node(Process process, Path log, URI base) {
            this.process = process;
            this.log = log;
            this.base = base;
        }

        static Node start(String name, int port, Map<String, String> environment) throws IOException {
            Path log = Path.of("target", "two-nodes", "node-" + name + "-" + port + ".log").toAbsolutePath();
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", System.getProperty("payara.micro"), "--deploy", System.getProperty("example.war"),
                    "--contextroot", "/", "--port", String.valueOf(port), "--nocluster")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            return new Node(builder.start(), log, URI.create("http://localhost:" + port + "/"));
        }

        void awaitReady() throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            Instant deadline = Instant.now().plusSeconds(120);
            while (Instant.now().isBefore(deadline)) {
                assertTrue(process.isAlive(), () -> "node died:\n" + log());
                try {
                    if (http.send(HttpRequest.newBuilder(base).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 302) {
                        return;
                    }
                } catch (IOException notYet) {
                    // Still starting.
                }
                Thread.sleep(500);
            }
            throw new AssertionError("node did not start:\n" + log());
        }

        Session logIn(String user) throws Exception {
            Session session = new Session(base);
            session.get("apply.xhtml");
            HttpResponse<String> login = session.post("j_security_check", "application/x-www-form-urlencoded",
                    HttpRequest.BodyPublishers.ofString("j_username=" + user + "&j_password=" + user));
            assertTrue(login.body().contains("Apply for the job"), "logged in on " + base);
            return session;
        }

        String log() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        long purged() {
            Matcher matcher = PURGED.matcher(log());
            long purged = 0;
            while (matcher.find()) {
                purged += Long.parseLong(matcher.group(1));
            }
            return purged;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** A browser's session on one node: its own cookies. */
    private static final class Session {

        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
        private final URI base;

        Session(URI base) {
            this.base = base;
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body) throws Exception {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType).POST(body).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Uploads as the script does and returns the token. */
        String upload(String filename, byte[] content) throws Exception {
            String boundary = "----node" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"" + filename
                    + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("sticky-uploads/default"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("X-Requested-With", "XMLHttpRequest")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            Matcher token = Pattern.compile("\"stored\":\"([A-Za-z0-9_-]+)\"").matcher(answer.body());
            assertTrue(token.find(), answer.body());
            return token.group(1);
        }

        int release(String token) throws Exception {
            return http.send(HttpRequest.newBuilder(base.resolve("sticky-uploads/default?stored="
                            + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                    .header("X-Requested-With", "XMLHttpRequest").DELETE().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        /** Fills the demo's form, as a browser without JavaScript would, with the résumé's token. */
        Document apply(String name, String email, String resumeToken) throws Exception {
            Document page = Jsoup.parse(get("apply.xhtml").body(), base.toString());
            Element form = page.getElementById("apply");
            List<String[]> fields = new ArrayList<>();
            for (Element input : form.select("input[type=hidden][name]")) {
                if (!input.attr("name").endsWith(":token")) {
                    fields.add(new String[] {input.attr("name"), input.val()});
                }
            }
            fields.add(new String[] {"apply:name", name});
            fields.add(new String[] {"apply:email", email});
            fields.add(new String[] {"apply:resume:token", resumeToken});
            fields.add(new String[] {"apply:send", "Apply"});
            String boundary = "----form" + UUID.randomUUID();
            StringBuilder body = new StringBuilder();
            for (String[] field : fields) {
                body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(field[0])
                        .append("\"\r\n\r\n").append(field[1]).append("\r\n");
            }
            body.append("--").append(boundary).append("--\r\n");
            HttpResponse<String> answer = post(form.attr("action").substring(1), "multipart/form-data; boundary=" + boundary,
                    HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
            return Jsoup.parse(answer.body(), answer.uri().toString());
        }
    }
}

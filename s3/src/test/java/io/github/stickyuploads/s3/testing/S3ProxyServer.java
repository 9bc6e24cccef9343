package io.github.stickyuploads.s3.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * S3Proxy 4.1.0 (its jar-with-dependencies, copied to target/ by Maven, never on a class path) as a child process on
 * 127.0.0.1, on the filesystem backend, with SigV4 enforced and the test credentials of the system properties
 * {@code s3proxy.identity} and {@code s3proxy.credential} (which the test JVMs also have as {@code aws.accessKeyId}
 * and {@code aws.secretAccessKey}, for the SDK's default chain). Its port is the first free one of the range in
 * {@code s3proxy.ports}. Every server still running when the JVM exits is killed.
 */
public final class S3ProxyServer implements AutoCloseable {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "s3proxy-killer"));
    }

    private final Path run;
    private final Path data;
    private final int port;
    private final String heap;
    private final Map<String, String> settings;
    private Process process;
    private S3Client admin;

    private S3ProxyServer(Path run, int port, String heap, Map<String, String> settings) {
        this.run = run;
        this.data = run.resolve("data");
        this.port = port;
        this.heap = heap;
        this.settings = Map.copyOf(settings);
    }

    /** @return a new server with an empty data folder, on a free port of the configured range, ready */
    public static S3ProxyServer start() {
        return start("512m", Map.of());
    }

    /**
     * @param heap the server's maximum heap, e.g. {@code 3g}
     * @param settings more S3Proxy settings, e.g. {@code s3proxy.v4-max-non-chunked-request-size}
     * @return a new server with an empty data folder, on a free port of the configured range, ready
     */
    public static S3ProxyServer start(String heap, Map<String, String> settings) {
        try {
            Path work = Path.of(System.getProperty("s3proxy.workdir", "target/s3proxy-runs")).toAbsolutePath();
            Files.createDirectories(work);
            S3ProxyServer server = new S3ProxyServer(Files.createTempDirectory(work, "run-"), freePort(), heap, settings);
            Files.createDirectories(server.data);
            server.launch();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the test access key id */
    public static String identity() {
        return System.getProperty("s3proxy.identity", "sticky-test-access-key");
    }

    /** @return the test secret */
    public static String credential() {
        return System.getProperty("s3proxy.credential", "sticky-test-secret-key");
    }

    private void launch() throws IOException {
        Path jar = Path.of(System.getProperty("s3proxy.jar", "target/s3proxy/s3proxy.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": run the tests through Maven, which copies S3Proxy there");
        }
        Properties conf = new Properties();
        conf.setProperty("s3proxy.endpoint", endpoint().toString());
        conf.setProperty("s3proxy.authorization", "aws-v4");
        conf.setProperty("s3proxy.identity", identity());
        conf.setProperty("s3proxy.credential", credential());
        // "filesystem" is the backend whose If-None-Match: * is atomic (a hard link), as the s3 storage's claims need.
        conf.setProperty("jclouds.provider", "filesystem");
        conf.setProperty("jclouds.filesystem.basedir", data.toString());
        settings.forEach(conf::setProperty);
        Path file = run.resolve("s3proxy.conf");
        try (Writer out = Files.newBufferedWriter(file)) {
            conf.store(out, "S3Proxy of the sticky-uploads-s3 tests");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-jar", jar.toString(), "--properties", file.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(run.resolve("s3proxy.log").toFile()));
        builder.environment().put("LOG_LEVEL", "warn");
        process = builder.start();
        RUNNING.add(process);
        awaitReady();
    }

    /** Ready when the port answers anything: an anonymous GET / is a 403. */
    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("S3Proxy exited with " + process.exitValue() + ": " + log());
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) new URL(endpoint() + "/").openConnection();
                connection.setConnectTimeout(200);
                connection.setReadTimeout(2000);
                int status = connection.getResponseCode();
                connection.disconnect();
                if (status > 0) {
                    return;
                }
            } catch (IOException notYet) {
                // Jetty is not listening yet.
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while S3Proxy started", e);
            }
        }
        throw new IOException("S3Proxy did not answer within 60 s: " + log());
    }

    /** @return what S3Proxy logged */
    public String log() {
        try {
            return Files.readString(run.resolve("s3proxy.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** @return http://127.0.0.1:port */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** @return the port */
    public int port() {
        return port;
    }

    /** @return the folder of the filesystem backend: a folder per bucket, a file per object */
    public Path data() {
        return data;
    }

    /** @return whether the process runs */
    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the process, as a crash of the service would (SIGKILL: the data folder stays as it is). */
    public void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            RUNNING.remove(process);
            process = null;
        }
    }

    /** Starts the stopped server again, on the same port with the same data. */
    public void restart() {
        if (isRunning()) {
            throw new IllegalStateException("S3Proxy is running");
        }
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a client with the test credentials, for the tests' own look at what the storage left */
    public synchronized S3Client admin() {
        if (admin == null) {
            admin = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(identity(), credential())))
                    .region(Region.US_EAST_1).endpointOverride(endpoint()).forcePathStyle(true)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED).build();
        }
        return admin;
    }

    /** Creates a bucket. */
    public void createBucket(String bucket) {
        admin().createBucket(b -> b.bucket(bucket));
    }

    /**
     * Everything a bucket holds but the claims under {@code claimsPrefix} (which the s3 storage keeps for a day on
     * purpose): its objects, its unfinished multipart uploads as S3 lists them, and every file of the bucket's folder
     * that is not a claim, which also finds a part that S3Proxy keeps without listing it (UploadPart after an abort).
     *
     * @param bucket the bucket
     * @param claimsPrefix the prefix of the claims to leave out, e.g. {@code sticky-uploads/.deleted/}
     * @return a line per thing, empty when there is nothing
     */
    public List<String> leftovers(String bucket, String claimsPrefix) {
        List<String> left = new ArrayList<>();
        for (S3Object object : admin().listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
            if (!object.key().startsWith(claimsPrefix)) {
                left.add("object " + object.key() + " (" + object.size() + " bytes)");
            }
        }
        for (MultipartUpload upload : admin().listMultipartUploadsPaginator(b -> b.bucket(bucket)).uploads()) {
            left.add("multipart upload " + upload.key() + " " + upload.uploadId());
        }
        Path folder = data.resolve(bucket);
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.filter(Files::isRegularFile).map(path -> folder.relativize(path).toString().replace('\\', '/'))
                        .filter(name -> !name.startsWith(claimsPrefix))
                        .forEach(name -> left.add("file " + name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return left.stream().distinct().toList();
    }

    /** @return the keys of a bucket, claims included */
    public List<String> keys(String bucket) {
        return admin().listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).toList();
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
        stop();
    }

    /** @return the first port of the range {@code s3proxy.ports} (e.g. 18600-18619) that nothing listens on */
    public static int freePort() {
        String[] range = System.getProperty("s3proxy.ports", "18600-18619").split("-");
        for (int port = Integer.parseInt(range[0].trim()); port <= Integer.parseInt(range[1].trim()); port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // the next one
            }
        }
        throw new IllegalStateException("No free port in " + String.join("-", range));
    }
}

package io.github.stickyuploads.benchmark;

import io.github.stickyuploads.s3.testing.S3ProxyServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 server of the benchmark's s3 rows and their limit: the same bytes PUT straight to it, one PutObject of
 * known length from a file, by the same SDK configured as the s3 storage configures it.
 */
final class S3Rows implements AutoCloseable {

    static final String BUCKET = "bench";

    private final S3ProxyServer server;
    private final S3Client client;

    private S3Rows(S3ProxyServer server) {
        this.server = server;
        this.client = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3ProxyServer.identity(), S3ProxyServer.credential())))
                .region(Region.US_EAST_1).endpointOverride(server.endpoint()).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build()).build();
    }

    /**
     * S3Proxy checks a signed single PUT's SHA-256 by holding the body in its heap and refuses one above 128 MiB
     * unless told otherwise: the limit's 1 GiB PUTs need both raised.
     */
    static S3Rows start() {
        S3ProxyServer server = S3ProxyServer.start("3g", Map.of("s3proxy.v4-max-non-chunked-request-size",
                String.valueOf(2L * 1024 * 1024 * 1024)));
        server.createBucket(BUCKET);
        return new S3Rows(server);
    }

    /** @return the server settings that point the benchmark WAR's s3 endpoint at this server */
    List<String> serverProperties() {
        return List.of("-Dstickyuploads.s3.bucket=" + BUCKET, "-Dstickyuploads.s3.endpoint=" + endpoint(),
                "-Dstickyuploads.s3.path-style=true", "-Dstickyuploads.s3.region=us-east-1",
                "-Daws.accessKeyId=" + S3ProxyServer.identity(), "-Daws.secretAccessKey=" + S3ProxyServer.credential(),
                "-Daws.disableEc2Metadata=true");
    }

    URI endpoint() {
        return server.endpoint();
    }

    /** Puts a file as one object of a new key. */
    void put(Path file, String key) {
        client.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromFile(file));
    }

    /** Removes every object, between runs. */
    void empty() {
        for (S3Object object : client.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents()) {
            client.deleteObject(b -> b.bucket(BUCKET).key(object.key()));
        }
    }

    /** Writes {@code size} bytes of the stream into a file, once per size, for the PUTs. */
    static Path file(Path folder, long size, InputStream bytes) throws IOException {
        Path file = folder.resolve("s3-put-" + size + ".bin");
        if (!Files.exists(file)) {
            try (InputStream in = bytes; OutputStream out = Files.newOutputStream(file)) {
                in.transferTo(out);
            }
        }
        return file;
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}

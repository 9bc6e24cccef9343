package io.github.stickyuploads.s3;

import io.github.stickyuploads.s3.testing.S3ProxyServer;
import io.github.stickyuploads.storage.StorageContract;
import io.github.stickyuploads.storage.UploadStorage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The storage contract on a real S3 service: S3Proxy with SigV4, a fresh bucket per test, and two storages on it as
 * two servers would have. {@link #leftovers()} lists the bucket's objects, its unfinished multipart uploads and the
 * files of S3Proxy's folder, all but the claims of deleted uploads, which the storage keeps for a day on purpose
 * (see {@link S3Storage}).
 */
class S3StorageTest extends StorageContract {

    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static S3ProxyServer server;

    private String bucket;
    private final List<S3Storage> opened = new ArrayList<>();
    private S3Storage storage;

    @BeforeAll
    static void startS3() {
        server = S3ProxyServer.start();
    }

    @AfterAll
    static void stopS3() {
        server.close();
    }

    @BeforeEach
    void freshBucket() {
        bucket = "contract-" + BUCKETS.incrementAndGet();
        server.createBucket(bucket);
    }

    @AfterEach
    void closeStorages() {
        opened.forEach(S3Storage::close);
    }

    /** @return the settings of a storage on the test bucket of S3Proxy */
    static S3Config config(S3ProxyServer server, String bucket) {
        Map<String, String> values = new HashMap<>(Map.of(S3Config.BUCKET, bucket,
                S3Config.ENDPOINT, server.endpoint().toString(), S3Config.REGION, "us-east-1", S3Config.PATH_STYLE, "true"));
        return S3Config.from(key -> Optional.ofNullable(values.get(key)));
    }

    @Override
    protected UploadStorage storage() {
        if (storage == null) {
            storage = open();
        }
        return storage;
    }

    @Override
    protected UploadStorage sameStorageOnAnotherServer() {
        return open();
    }

    private S3Storage open() {
        S3Storage opening = new S3Storage(config(server, bucket));
        opened.add(opening);
        return opening;
    }

    @Override
    protected List<String> leftovers() {
        return server.leftovers(bucket, S3Config.DEFAULT_PREFIX + ".deleted/");
    }
}

package io.github.stickyuploads.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stickyuploads.testing.Generated;
import io.github.stickyuploads.s3.internal.Layout;
import io.github.stickyuploads.s3.testing.RequestLog;
import io.github.stickyuploads.s3.testing.S3ProxyServer;
import io.github.stickyuploads.storage.ExpiredUpload;
import io.github.stickyuploads.storage.InsufficientStorageException;
import io.github.stickyuploads.storage.OwnerUsage;
import io.github.stickyuploads.storage.StoredObject;
import io.github.stickyuploads.storage.UploadContent;
import io.github.stickyuploads.storage.UploadMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/** What the s3 storage does beyond the contract: parts, aborts, ids, metadata, what it asks S3 for, faults. */
class S3StorageBehaviourTest {

    private static final int MIB = 1024 * 1024;
    private static final String PREFIX = S3Config.DEFAULT_PREFIX;
    private static final String CLAIMS = PREFIX + ".deleted/";
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static S3ProxyServer server;

    private String bucket;
    private RequestLog requests;
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
        bucket = "behaviour-" + BUCKETS.incrementAndGet();
        server.createBucket(bucket);
        requests = new RequestLog();
        storage = new S3Storage(S3StorageTest.config(server, bucket), List.of(requests));
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private static UploadMetadata metadata(Instant expires) {
        return new UploadMetadata("cv.pdf", "application/pdf", "alice", expires);
    }

    private List<String> leftovers() {
        return server.leftovers(bucket, CLAIMS);
    }

    // ---- Parts ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {1, 5 * MIB - 1, 5 * MIB, 5 * MIB + 1, S3Storage.PART_SIZE - 1, S3Storage.PART_SIZE,
            S3Storage.PART_SIZE + 1, 2 * S3Storage.PART_SIZE + 1, 64 * MIB})
    void storesEverySizeAroundThePartBoundariesIntact(int size) throws Exception {
        UploadContent content = UploadContent.of(Generated.bytes(size, size));

        StoredObject stored = storage.store(content, metadata(NOW.plusSeconds(600)));

        assertEquals(size, content.size());
        assertEquals(OptionalLong.of(size), storage.size(stored.id()));
        try (InputStream in = storage.open(stored.id()).orElseThrow()) {
            assertEquals(Generated.sha256(Generated.bytes(size, size)), Generated.sha256(in), "the bytes, intact");
        }
        int parts = (size + S3Storage.PART_SIZE - 1) / S3Storage.PART_SIZE;
        if (parts == 1) {
            assertEquals(List.of("PutObject"), requests.operations().subList(0, 1), "one PutObject for a file that fits one buffer");
            assertEquals(0, requests.count("CreateMultipartUpload"));
        } else {
            assertEquals(1, requests.count("CreateMultipartUpload"));
            assertEquals(parts, requests.count("UploadPart"), "parts of " + S3Storage.PART_SIZE + " bytes");
            assertEquals(1, requests.count("CompleteMultipartUpload"));
        }
        HeadObjectResponse head = server.admin().headObject(b -> b.bucket(bucket).key(onlyKey()));
        assertEquals(parts > 1, head.eTag().contains("-"), "a multipart ETag only for a multipart upload: " + head.eTag());
        assertEquals("application/pdf", head.contentType());
        assertEquals(1, server.keys(bucket).size());
        assertEquals(List.of("object " + onlyKey() + " (" + size + " bytes)", "file " + onlyKey()), leftovers(),
                "the object, its file, and no unfinished upload or part");
    }

    private String onlyKey() {
        List<String> keys = server.keys(bucket);
        assertEquals(1, keys.size(), keys::toString);
        return keys.get(0);
    }

    @Test
    void aContentStreamThatFailsInTheSecondPartLeavesNothing() {
        IOException clientGone = new IOException("the client went away");
        InputStream breaking = new InputStream() {
            private final InputStream bytes = Generated.bytes(64L * MIB, 1);
            private long sent;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (sent >= S3Storage.PART_SIZE + 3L * MIB) {
                    throw clientGone;
                }
                int n = bytes.read(buffer, offset, (int) Math.min(length, S3Storage.PART_SIZE + 3L * MIB - sent));
                sent += n;
                return n;
            }
        };

        IOException thrown = assertThrows(IOException.class,
                () -> storage.store(UploadContent.of(breaking), metadata(NOW.plusSeconds(600))));

        assertSame(clientGone, thrown, "the content's own failure, rethrown");
        assertEquals(1, requests.count("UploadPart"), "the first part went up");
        assertEquals(1, requests.count("AbortMultipartUpload"));
        assertEquals(List.of(), leftovers(), "no object, no unfinished multipart upload, no stray part");
    }

    @Test
    void anS3FailureInTheSecondPartAbortsTheUploadAndIsAnIOException() {
        requests.failWhen(request -> request instanceof UploadPartRequest part && part.partNumber() == 2);

        IOException thrown = assertThrows(IOException.class, () -> storage.store(UploadContent.of(Generated.bytes(20L * MIB, 2)),
                metadata(NOW.plusSeconds(600))));

        assertFalse(thrown instanceof InsufficientStorageException);
        assertEquals(1, requests.count("AbortMultipartUpload"));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aFailedSinglePutLeavesNothing() {
        requests.failWhen(request -> request instanceof software.amazon.awssdk.services.s3.model.PutObjectRequest);

        assertThrows(IOException.class, () -> storage.store(UploadContent.of(Generated.bytes(1000, 3)), metadata(NOW.plusSeconds(60))));

        assertEquals(List.of(), leftovers());
    }

    // ---- Ids -----------------------------------------------------------------------------------------------

    @Test
    void idsItDidNotIssueAreUnknownAndLeaveNoClaim() throws Exception {
        StoredObject real = storage.store(UploadContent.of(Generated.bytes(10, 4)), metadata(NOW.plusSeconds(600)));
        String id = real.id();
        String key = server.keys(bucket).get(0);
        List<String> foreign = new ArrayList<>(List.of(
                "0".repeat(58),                                   // the right form, but nothing there
                id.substring(0, 57) + (id.charAt(57) == 'a' ? 'b' : 'a'), // another random part
                "0123456789abcdef" + id.substring(16),            // another owner's key
                id.substring(0, 16) + "00000000ff" + id.substring(26), // another expiry
                id.toUpperCase(), id + "0", id.substring(1), id.replace(id.charAt(20), 'g'),
                key, key.substring(PREFIX.length()), "../" + id, id.substring(0, 16) + "/" + id.substring(16),
                ".deleted/" + id, CLAIMS + id, "", " " + id));
        for (String other : foreign) {
            if (other.equals(id)) {
                continue;
            }
            assertEquals(OptionalLong.empty(), storage.size(other), other);
            assertEquals(Optional.empty(), storage.open(other), other);
            assertFalse(storage.delete(other), other);
        }
        assertEquals(List.of(key), server.keys(bucket), "no claim for an id that names nothing");
        assertEquals(OptionalLong.of(10), storage.size(id));
    }

    @Test
    void anIdIsItsKeyRunTogetherUrlSafeAndShort() throws Exception {
        StoredObject stored = storage.store(UploadContent.of(Generated.bytes(10, 5)), metadata(Instant.ofEpochSecond(0x6a0b0c0dL)));
        String key = server.keys(bucket).get(0);

        assertTrue(stored.id().matches("[0-9a-f]{58}"), stored.id());
        assertEquals(PREFIX + Layout.ownerKey("alice") + "/006a0b0c0d-" + stored.id().substring(26), key);
        assertEquals(Layout.ownerKey("alice") + "006a0b0c0d" + stored.id().substring(26), stored.id());
    }

    // ---- Metadata --------------------------------------------------------------------------------------------

    @Test
    void nonAsciiMetadataRoundTripsAsAsciiUnderLowercaseNames() throws Exception {
        UploadMetadata metadata = new UploadMetadata("Résumé – 履歴書 😀.pdf", "text/plain; charset=UTF-8", "zoë@例え.jp",
                NOW.minusSeconds(5));

        storage.store(UploadContent.of(Generated.bytes(100, 6)), metadata);

        HeadObjectResponse head = server.admin().headObject(b -> b.bucket(bucket).key(server.keys(bucket).get(0)));
        assertEquals("text/plain;charset=utf-8", head.contentType().replace(" ", "").toLowerCase(java.util.Locale.ROOT),
                "the object's Content-Type (which S3Proxy normalises)");
        for (Map.Entry<String, String> entry : head.metadata().entrySet()) {
            assertEquals(entry.getKey().toLowerCase(java.util.Locale.ROOT), entry.getKey());
            assertTrue(StandardCharsets.US_ASCII.newEncoder().canEncode(entry.getValue()), entry.toString());
        }
        assertEquals(List.of("content-type", "expires", "filename", "owner"), head.metadata().keySet().stream().sorted().toList());
        List<ExpiredUpload> purged = storage.purgeExpired(NOW);
        assertEquals(1, purged.size());
        assertEquals(metadata, purged.get(0).metadata(), "as it was stored");
        assertEquals(100, purged.get(0).size());
    }

    // ---- What it asks S3 for ----------------------------------------------------------------------------------

    @Test
    void aQuotaCheckIsOneListingAndAPurgeHeadsOnlyWhatExpired() throws Exception {
        for (int i = 0; i < 5; i++) {
            storage.store(UploadContent.of(Generated.bytes(100 + i, i)), metadata(NOW.plusSeconds(600)));
        }
        storage.store(UploadContent.of(Generated.bytes(1, 7)), new UploadMetadata("x", "text/plain", "bob", NOW.plusSeconds(600)));
        storage.store(UploadContent.of(Generated.bytes(70, 8)), metadata(NOW.minusSeconds(1)));
        storage.store(UploadContent.of(Generated.bytes(80, 9)), metadata(NOW.minusSeconds(1)));
        requests.clear();

        assertEquals(Optional.of(new OwnerUsage(5, 510)), storage.usage("alice", NOW));
        assertEquals(List.of("ListObjectsV2"), requests.operations(), "one listing of alice's prefix, no HEAD");

        requests.clear();
        assertEquals(2, storage.purgeExpired(NOW).size());
        assertEquals(2, requests.count("HeadObject"), "a HEAD for each expired upload only: " + requests.operations());
        assertEquals(1, requests.count("ListObjectsV2"));
        assertEquals(2, requests.count("DeleteObject"));
        assertEquals(Optional.of(new OwnerUsage(5, 510)), storage.usage("alice", NOW));
        assertEquals(Optional.of(new OwnerUsage(1, 1)), storage.usage("bob", NOW));
    }

    @Test
    void aStorageThatIsNeverUsedNeverTouchesS3() {
        S3Storage idle = new S3Storage(S3StorageTest.config(server, bucket), List.of(requests));
        assertTrue(idle.isSharedBetweenServers());
        idle.close();
        assertEquals(List.of(), requests.operations());
    }

    // ---- What the purge cleans up ---------------------------------------------------------------------------

    @Test
    void thePurgeAbortsUnfinishedUploadsAfterAnHourAndRemovesClaimsAfterADay() throws Exception {
        server.admin().createMultipartUpload(b -> b.bucket(bucket).key(PREFIX + "0123456789abcdef/0000000001-" + "0".repeat(32)));
        StoredObject released = storage.store(UploadContent.of(Generated.bytes(10, 10)), metadata(NOW.plusSeconds(600)));
        assertTrue(storage.delete(released.id()));
        assertTrue(server.keys(bucket).contains(CLAIMS + released.id()), "the claim stays");
        Instant now = Instant.now();

        storage.purgeExpired(now);
        assertEquals(1, server.admin().listMultipartUploads(b -> b.bucket(bucket)).uploads().size(), "a recent upload may be running");
        assertEquals(List.of(CLAIMS + released.id()), server.keys(bucket), "a late delete must still lose");

        storage.purgeExpired(now.plus(S3Storage.ABANDONED_UPLOAD).plusSeconds(60));
        assertEquals(0, server.admin().listMultipartUploads(b -> b.bucket(bucket)).uploads().size(), "aborted after an hour");
        assertFalse(storage.delete(released.id()));

        storage.purgeExpired(now.plus(S3Storage.CLAIM_LIFETIME).plusSeconds(60));
        assertEquals(List.of(), server.keys(bucket), "claims go after a day");
        assertEquals(List.of(), leftovers());
    }

    @Test
    void anExpiredUploadWhoseDeleterFailedHalfWayIsRemovedWithoutAReport() throws Exception {
        StoredObject stuck = storage.store(UploadContent.of(Generated.bytes(10, 11)), metadata(NOW.minusSeconds(1)));
        // A claim without the delete that should have followed it: a server that died in between.
        server.admin().putObject(b -> b.bucket(bucket).key(CLAIMS + stuck.id()), RequestBody.empty());
        Instant now = Instant.now();

        assertEquals(List.of(), storage.purgeExpired(now), "claimed by someone else: not this purge's to report");
        assertEquals(OptionalLong.of(10), storage.size(stuck.id()), "the claimant may still be deleting it");

        assertEquals(List.of(), storage.purgeExpired(now.plus(Duration.ofMinutes(11))));
        assertEquals(OptionalLong.empty(), storage.size(stuck.id()), "removed once the claim is clearly abandoned");
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aDeleteOfAGoneUploadFindsNothingToClaim() throws Exception {
        StoredObject stored = storage.store(UploadContent.of(Generated.bytes(10, 12)), metadata(NOW.plusSeconds(600)));
        server.admin().deleteObject(b -> b.bucket(bucket).key(server.keys(bucket).get(0)));
        requests.clear();

        assertFalse(storage.delete(stored.id()));
        assertEquals(List.of("HeadObject"), requests.operations());
        assertEquals(OptionalLong.empty(), storage.size(stored.id()));
        assertEquals(Optional.empty(), storage.open(stored.id()));
    }

    // ---- S3 down ----------------------------------------------------------------------------------------------

    @Test
    void everyOperationIsAnIOExceptionWhileS3IsDownAndWorksAgainAfter() throws Exception {
        StoredObject before = storage.store(UploadContent.of(Generated.bytes(10, 13)), metadata(NOW.plusSeconds(600)));
        server.stop();
        try {
            List<Executable> operations = List.of(
                    () -> storage.store(UploadContent.of(Generated.bytes(10, 14)), metadata(NOW.plusSeconds(600))),
                    () -> storage.store(UploadContent.of(Generated.bytes(20L * MIB, 15)), metadata(NOW.plusSeconds(600))),
                    () -> storage.size(before.id()), () -> storage.open(before.id()), () -> storage.delete(before.id()),
                    () -> storage.usage("alice", NOW), () -> storage.purgeExpired(NOW));
            for (Executable operation : operations) {
                long start = System.nanoTime();
                IOException thrown = assertThrows(IOException.class, operation::run);
                assertFalse(thrown instanceof InsufficientStorageException, thrown::toString);
                assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "fails fast");
            }
        } finally {
            server.restart();
        }
        assertEquals(OptionalLong.of(10), storage.size(before.id()), "the same client works again");
        StoredObject after = storage.store(UploadContent.of(Generated.bytes(20L * MIB, 16)), metadata(NOW.plusSeconds(600)));
        assertEquals(OptionalLong.of(20L * MIB), storage.size(after.id()));
        assertTrue(storage.delete(before.id()));
        assertTrue(storage.delete(after.id()));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void whenS3DiesMidUploadTheAbortCannotBeSentAndAPurgeAnHourLaterCleansUp() throws Exception {
        InputStream killing = new InputStream() {
            private final InputStream bytes = Generated.bytes(20L * MIB, 17);
            private long sent;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (sent > S3Storage.PART_SIZE + MIB && server.isRunning()) {
                    server.stop(); // while the second part is being read: the first is in S3 already
                }
                int n = bytes.read(buffer, offset, length);
                sent += Math.max(0, n);
                return n;
            }
        };
        try {
            IOException thrown = assertThrows(IOException.class,
                    () -> storage.store(UploadContent.of(killing), metadata(NOW.plusSeconds(600))));
            assertEquals(1, thrown.getSuppressed().length, "the abort failed too: " + thrown);
        } finally {
            if (!server.isRunning()) {
                server.restart();
            }
        }
        assertTrue(leftovers().stream().anyMatch(line -> line.startsWith("multipart upload ")), leftovers()::toString);
        Instant now = Instant.now();

        storage.purgeExpired(now);
        assertFalse(leftovers().isEmpty(), "an upload of the last hour may still be running");

        storage.purgeExpired(now.plus(S3Storage.ABANDONED_UPLOAD).plusSeconds(60));
        assertEquals(List.of(), leftovers(), "aborted by the purge: no upload, no part");
    }

    @FunctionalInterface
    private interface Executable {
        void run() throws Exception;
    }
}

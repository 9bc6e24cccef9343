package io.github.stickyuploads.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UploadStorage} must do, as one suite that each storage's test extends: {@code temp} and
 * {@code directory} ({@link FileSystemStorageTest}), {@code jdbc} ({@link JdbcStorageTest}), and {@code s3} in its
 * own artifact. A subclass gives a fresh, empty storage, a second handle on the same storage (as another server
 * would have), and a look at what the storage holds underneath, to prove that a failure leaves nothing.
 */
public abstract class StorageContract {

    /** A fixed "now", truncated as the library truncates expiry. */
    protected static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    /** @return the storage under test, empty */
    protected abstract UploadStorage storage() throws Exception;

    /** @return another handle on the same storage, as a second server has */
    protected abstract UploadStorage sameStorageOnAnotherServer() throws Exception;

    /**
     * @return a description of everything the storage holds underneath (files, rows, objects, unfinished
     *         multipart uploads), empty when it holds nothing
     */
    protected abstract List<String> leftovers() throws Exception;

    /** @return metadata of an upload of alice's that expires at the given time */
    protected static UploadMetadata metadata(Instant expires) {
        return new UploadMetadata("Résumé ../cv.pdf", "application/pdf", "alice", expires);
    }

    /** @return random bytes */
    protected static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    /** @return a stored upload of that many random bytes */
    protected StoredObject store(UploadStorage storage, int length, Instant expires) throws IOException {
        UploadContent content = UploadContent.of(new ByteArrayInputStream(bytes(length)));
        return storage.store(content, metadata(expires));
    }

    @Test
    void storesTheBytesUnderAUrlSafeIdAndGivesThemBack() throws Exception {
        UploadStorage storage = storage();
        byte[] bytes = bytes(3 * 1024 * 1024 + 17);
        UploadContent content = UploadContent.of(new ByteArrayInputStream(bytes));

        StoredObject stored = storage.store(content, metadata(NOW.plusSeconds(600)));

        assertTrue(StoredObject.isValidId(stored.id()), stored.id());
        assertTrue(content.isFullyRead(), "the storage reads the content to its end");
        assertEquals(OptionalLong.of(bytes.length), storage.size(stored.id()));
        assertArrayEquals(bytes, read(storage, stored.id()));
        assertArrayEquals(bytes, read(sameStorageOnAnotherServer(), stored.id()), "another server reads it too");
    }

    @Test
    void storesAnEmptyAndAOneByteUpload() throws Exception {
        UploadStorage storage = storage();
        for (int length : new int[] {0, 1}) {
            StoredObject stored = store(storage, length, NOW.plusSeconds(600));
            assertEquals(OptionalLong.of(length), storage.size(stored.id()));
            assertArrayEquals(bytes(length), read(storage, stored.id()));
        }
    }

    @Test
    void treatsIdsItDidNotIssueAsUnknownNeverAsPaths() throws Exception {
        UploadStorage storage = storage();
        StoredObject real = store(storage, 10, NOW.plusSeconds(600));
        for (String id : new String[] {"", "..", "../" + real.id(), real.id() + "/..", real.id() + "x", "'; DROP TABLE x; --",
                "a".repeat(65), "0123456789abcdef-0123456789abcdef0123456789abcdef", real.id().toUpperCase()}) {
            if (id.equals(real.id())) {
                continue;
            }
            assertEquals(OptionalLong.empty(), storage.size(id), id);
            assertEquals(Optional.empty(), storage.open(id), id);
            assertFalse(storage.delete(id), id);
        }
        assertEquals(OptionalLong.of(10), storage.size(real.id()), "untouched");
    }

    @Test
    void keepsNothingWhenTheContentFailsHalfWay() throws Exception {
        UploadStorage storage = storage();
        InputStream breaking = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 700_000) {
                    throw new IOException("the client went away");
                }
                return 'x';
            }
        };

        assertThrows(IOException.class, () -> storage.store(UploadContent.of(breaking), metadata(NOW.plusSeconds(600))));

        assertEquals(List.of(), leftovers(), "no partial upload");
        assertEquals(0, storage.usage("alice", NOW).map(OwnerUsage::files).orElse(0L), "nothing counts against the quota");
    }

    @Test
    void keepsNothingWhenTheContentBreaksItsLimit() throws Exception {
        UploadStorage storage = storage();
        UploadContent tooLarge = new UploadContent(new ByteArrayInputStream(bytes(6 * 1024 * 1024))) {
            @Override
            protected void afterRead(long total) throws IOException {
                if (total > 5 * 1024 * 1024 + 1) {
                    throw new IOException("over the limit");
                }
            }
        };

        assertThrows(IOException.class, () -> storage.store(tooLarge, metadata(NOW.plusSeconds(600))));

        assertEquals(List.of(), leftovers(), "no partial upload");
    }

    @Test
    void deletesAnUploadOnceHoweverManyDeletesRace() throws Exception {
        UploadStorage storage = storage();
        UploadStorage other = sameStorageOnAnotherServer();
        StoredObject stored = store(storage, 2_000, NOW.plusSeconds(600));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(30);
        try {
            List<Callable<Boolean>> racing = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                UploadStorage server = i % 2 == 0 ? storage : other;
                racing.add(() -> {
                    start.await();
                    return server.delete(stored.id());
                });
            }
            List<Future<Boolean>> deletes = racing.stream().map(pool::submit).toList();
            start.countDown();
            long wins = 0;
            for (Future<Boolean> delete : deletes) {
                wins += delete.get() ? 1 : 0;
            }
            assertEquals(1, wins, "exactly one delete removed it");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(OptionalLong.empty(), storage.size(stored.id()));
        assertEquals(Optional.empty(), storage.open(stored.id()));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void purgesOnlyWhatExpiredEachOnceWhileTwoServersPurge() throws Exception {
        UploadStorage storage = storage();
        UploadStorage other = sameStorageOnAnotherServer();
        List<String> expired = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            expired.add(store(storage, 100 + i, NOW.minusSeconds(1)).id());
        }
        StoredObject live = store(storage, 10, NOW.plusSeconds(600));

        ExecutorService both = Executors.newFixedThreadPool(2);
        List<ExpiredUpload> purged = new ArrayList<>();
        try {
            for (Future<List<ExpiredUpload>> purge : both.invokeAll(List.<Callable<List<ExpiredUpload>>>of(
                    () -> storage.purgeExpired(NOW), () -> other.purgeExpired(NOW)))) {
                purged.addAll(purge.get());
            }
        } finally {
            both.shutdown();
        }

        assertEquals(expired.stream().sorted().toList(), purged.stream().map(ExpiredUpload::id).sorted().toList(),
                "each expired upload reported by one purge only");
        ExpiredUpload first = purged.get(0);
        assertEquals(metadata(NOW.minusSeconds(1)), first.metadata(), "with its metadata, for the Expired event");
        assertEquals(100 + expired.indexOf(first.id()), first.size());
        assertEquals(OptionalLong.of(10), storage.size(live.id()), "the live upload stays");
        assertEquals(List.of(), storage.purgeExpired(NOW), "a second purge finds nothing");
    }

    @Test
    void countsAUsersLiveUploadsForTheQuotas() throws Exception {
        UploadStorage storage = storage();
        store(storage, 100, NOW.plusSeconds(60));
        store(storage, 50, NOW.plusSeconds(60));
        store(storage, 70, NOW.minusSeconds(1));
        storage.store(UploadContent.of(new ByteArrayInputStream(bytes(9))),
                new UploadMetadata("x", "text/plain", "bob", NOW.plusSeconds(60)));

        Optional<OwnerUsage> alice = storage.usage("alice", NOW);
        if (alice.isPresent()) {
            assertEquals(new OwnerUsage(2, 150), alice.get(), "expired ones do not count");
            assertEquals(Optional.of(new OwnerUsage(1, 9)), storage.usage("bob", NOW));
            assertEquals(Optional.of(new OwnerUsage(0, 0)), storage.usage("carol", NOW));
        }
    }

    @Test
    void purgingAnEmptyStorageFindsNothing() throws Exception {
        assertEquals(List.of(), storage().purgeExpired(NOW));
    }

    private static byte[] read(UploadStorage storage, String id) throws IOException {
        try (InputStream in = storage.open(id).orElseThrow()) {
            return in.readAllBytes();
        }
    }
}

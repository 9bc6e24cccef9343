package io.github.stickyuploads.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stickyuploads.config.DataSize;
import io.github.stickyuploads.internal.upload.UploadInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemStorageTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @TempDir
    Path folder;

    private UploadMetadata metadata(Instant expires) {
        return new UploadMetadata("../cv.pdf", "application/pdf", "alice", expires);
    }

    @Test
    void storesUnderAServerChosenNameWithPrivatePermissions() throws IOException {
        FileSystemStorage storage = FileSystemStorage.in(folder.resolve("root"));
        byte[] bytes = "hello".getBytes();

        StoredObject stored = storage.store(new ByteArrayInputStream(bytes), metadata(NOW.plusSeconds(60)));

        assertTrue(stored.id().matches("[0-9a-f]{16}-[0-9a-f]{32}"), stored.id());
        assertEquals(5, stored.size());
        Path upload = folder.resolve("root").resolve(stored.id().substring(0, 16)).resolve(stored.id().substring(17));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("root"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(upload)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(upload.resolve("content"))));
        assertTrue(Files.readString(upload.resolve("metadata.properties")).contains("filename=../cv.pdf"), "kept as metadata only");
        assertEquals(OptionalLong.of(5), storage.size(stored.id()));
        try (InputStream in = storage.open(stored.id())) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
    }

    @Test
    void treatsForeignIdsAsUnknownNeverAsPaths() throws IOException {
        FileSystemStorage storage = FileSystemStorage.in(folder);
        Files.writeString(folder.resolve("secret.key"), "do not touch");

        for (String id : new String[] {"../secret.key", "secret.key", "..", "", "0123456789ABCDEF-0123456789ABCDEF0123456789ABCDEF",
                "0123456789abcdef/../0123456789abcdef0123456789abcdef", "0123456789abcdef0123456789abcdef"}) {
            assertEquals(OptionalLong.empty(), storage.size(id), id);
            assertThrows(NoSuchFileException.class, () -> storage.open(id), id);
            assertFalse(storage.delete(id), id);
        }
        assertTrue(Files.exists(folder.resolve("secret.key")));
    }

    @Test
    void keepsNothingWhenTheStreamFails() throws IOException {
        FileSystemStorage storage = FileSystemStorage.in(folder);
        InputStream tooLarge = new UploadInputStream(new ByteArrayInputStream(new byte[200_000]), new DataSize(100_000));

        assertThrows(SizeLimitExceededException.class, () -> storage.store(tooLarge, metadata(NOW)));

        try (Stream<Path> left = Files.walk(folder)) {
            // The user's own folder stays (another upload of the user may be starting in it); nothing in it does.
            assertEquals(List.of(), left.filter(path -> Files.isRegularFile(path) || path.getNameCount() - folder.getNameCount() > 1)
                    .toList(), "no upload folder, no partial file");
        }
    }

    @Test
    void deletesOnceAndPurgesOnlyWhatExpired() throws IOException {
        FileSystemStorage storage = FileSystemStorage.in(folder);
        StoredObject expired = storage.store(new ByteArrayInputStream(new byte[10]), metadata(NOW.minusSeconds(1)));
        StoredObject live = storage.store(new ByteArrayInputStream(new byte[10]), metadata(NOW.plusSeconds(60)));
        StoredObject released = storage.store(new ByteArrayInputStream(new byte[10]), metadata(NOW.plusSeconds(60)));

        assertTrue(storage.delete(released.id()));
        assertFalse(storage.delete(released.id()), "already gone");
        List<ExpiredUpload> purged = storage.purgeExpired(NOW);
        assertEquals(List.of(new ExpiredUpload(expired.id(), metadata(NOW.minusSeconds(1)), 10)), purged, "what was purged, for the events");
        assertEquals(OptionalLong.empty(), storage.size(expired.id()));
        assertEquals(OptionalLong.of(10), storage.size(live.id()));
        assertEquals(List.of(), storage.purgeExpired(NOW), "a second purge finds nothing");
    }

    @Test
    void purgesTheLeftoversOfAnInterruptedUploadOnlyOnceTheyAreOld() throws IOException {
        FileSystemStorage storage = FileSystemStorage.in(folder);
        Path leftover = Files.createDirectories(folder.resolve("0123456789abcdef").resolve("0123456789abcdef0123456789abcdef"));
        Files.write(leftover.resolve("content"), new byte[3]);
        Files.setLastModifiedTime(leftover, FileTime.from(NOW.minus(Duration.ofMinutes(10))));

        storage.purgeExpired(NOW);
        assertTrue(Files.exists(leftover), "may still be starting");
        assertEquals(List.of(), storage.purgeExpired(NOW.plus(Duration.ofHours(2))), "never stored, so not reported");
        assertFalse(Files.exists(leftover), "but removed");
    }

    @Test
    void countsAUsersLiveUploadsForTheQuotas() throws IOException {
        FileSystemStorage storage = FileSystemStorage.in(folder);
        storage.store(new ByteArrayInputStream(new byte[100]), metadata(NOW.plusSeconds(60)));
        storage.store(new ByteArrayInputStream(new byte[50]), metadata(NOW.plusSeconds(60)));
        storage.store(new ByteArrayInputStream(new byte[70]), metadata(NOW.minusSeconds(1)));
        storage.store(new ByteArrayInputStream(new byte[9]), new UploadMetadata("x", "text/plain", "bob", NOW.plusSeconds(60)));

        assertEquals(java.util.Optional.of(new OwnerUsage(2, 150)), storage.usage("alice", NOW), "expired ones do not count");
        assertEquals(java.util.Optional.of(new OwnerUsage(1, 9)), storage.usage("bob", NOW));
        assertEquals(java.util.Optional.of(new OwnerUsage(0, 0)), FileSystemStorage.in(folder.resolve("none")).usage("alice", NOW));
    }

    @Test
    void purgingAMissingRootIsNothing() throws IOException {
        assertEquals(List.of(), FileSystemStorage.in(folder.resolve("never-created")).purgeExpired(NOW));
    }
}

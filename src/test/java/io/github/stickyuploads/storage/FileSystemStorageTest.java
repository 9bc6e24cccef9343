package io.github.stickyuploads.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract on a folder (the temp and directory storages), and what only a folder has. */
class FileSystemStorageTest extends StorageContract {

    @TempDir
    Path folder;

    @Override
    protected UploadStorage storage() {
        return FileSystemStorage.in(folder.resolve("root"));
    }

    @Override
    protected UploadStorage sameStorageOnAnotherServer() {
        return FileSystemStorage.in(folder.resolve("root"));
    }

    /** Every file, and every upload folder in a user's folder. */
    @Override
    protected List<String> leftovers() throws IOException {
        Path root = folder.resolve("root");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            // The user's own folder stays (another upload of the user may be starting in it); nothing in it does.
            return paths.filter(path -> Files.isRegularFile(path) || root.relativize(path).getNameCount() > 1)
                    .map(Path::toString).toList();
        }
    }

    @Test
    void keepsEachUploadUnderServerChosenNamesWithPrivatePermissions() throws IOException {
        FileSystemStorage storage = FileSystemStorage.in(folder.resolve("root"));

        StoredObject stored = store(storage, 5, NOW.plusSeconds(60));

        assertTrue(stored.id().matches("[0-9a-f]{16}-[0-9a-f]{10}-[0-9a-f]{32}"), stored.id());
        Path upload = folder.resolve("root").resolve(stored.id().substring(0, 16)).resolve(stored.id().substring(17));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("root"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(upload)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(upload.resolve("content"))));
        assertTrue(Files.readString(upload.resolve("metadata.properties")).contains("filename=R\u00e9sum\u00e9 ../cv.pdf"),
                "the client's name is kept as metadata only");
    }

    @Test
    void theQuotaCountsLiveUploadsByTheirFolderNamesWithoutReadingMetadata() throws IOException {
        FileSystemStorage storage = FileSystemStorage.in(folder);
        StoredObject live = store(storage, 5, NOW.plusMillis(500));
        store(storage, 7, NOW.minusSeconds(1));
        Path upload = folder.resolve(live.id().substring(0, 16)).resolve(live.id().substring(17));
        Files.delete(upload.resolve("metadata.properties"));

        OwnerUsage usage = storage.usage("alice", NOW.plusMillis(400)).orElseThrow();
        assertEquals(1, usage.files(), "the expired one does not count; the live one counts until its expiry, rounded up");
        assertEquals(5, usage.bytes());
    }

    @Test
    void neverTouchesAFileThatAForgedIdNames() throws IOException {
        FileSystemStorage storage = FileSystemStorage.in(folder);
        Files.writeString(folder.resolve("secret.key"), "do not touch");

        for (String id : new String[] {"../secret.key", "secret.key", "0123456789abcdef/../0123456789abcdef0123456789abcdef"}) {
            assertEquals(OptionalLong.empty(), storage.size(id), id);
            assertFalse(storage.delete(id), id);
        }
        assertTrue(Files.exists(folder.resolve("secret.key")));
    }

    @Test
    void purgesTheLeftoversOfAnInterruptedUploadOrDeleteOnlyOnceTheyAreOld() throws IOException {
        FileSystemStorage storage = FileSystemStorage.in(folder);
        Path user = folder.resolve("0123456789abcdef");
        String expiresInAMinute = HexFormat.of().toHexDigits(NOW.plusSeconds(60).getEpochSecond()).substring(6);
        Path interrupted = Files.createDirectories(user.resolve(expiresInAMinute + "-0123456789abcdef0123456789abcdef"));
        Files.write(interrupted.resolve("content"), new byte[3]);
        Path halfDeleted = Files.createDirectories(user.resolve(expiresInAMinute
                + "-fedcba9876543210fedcba9876543210.deleted-0123456789abcdef"));
        for (Path path : List.of(interrupted, halfDeleted)) {
            Files.setLastModifiedTime(path, FileTime.from(NOW.minus(Duration.ofMinutes(10))));
        }

        storage.purgeExpired(NOW);
        assertTrue(Files.exists(interrupted), "may still be starting");
        assertTrue(Files.exists(halfDeleted), "may still be being deleted");
        assertEquals(List.of(), storage.purgeExpired(NOW.plus(Duration.ofHours(2))), "never stored, so not reported");
        assertFalse(Files.exists(interrupted), "but removed");
        assertFalse(Files.exists(halfDeleted));
    }
}

package io.github.stickyuploads.internal.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stickyuploads.config.InvalidConfigurationException;
import io.github.stickyuploads.internal.files.PrivateFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedSecretTest {

    @TempDir
    Path folder;

    @Test
    void generatesOnceKeepsItPrivateAndGivesTheSameKeyAfterARestart() throws Exception {
        Path root = PrivateFiles.createFolders(folder.resolve("sticky-uploads"));

        byte[] first = GeneratedSecret.loadOrCreate(root);
        byte[] afterRestart = GeneratedSecret.loadOrCreate(root);

        assertEquals(32, first.length);
        assertArrayEquals(first, afterRestart);
        Path file = root.resolve(GeneratedSecret.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root)));
    }

    @Test
    void deploymentsStartingTogetherAgreeOnOneKey() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<byte[]>> starts = IntStream.range(0, 8).<Callable<byte[]>>mapToObj(i -> () -> GeneratedSecret.loadOrCreate(folder)).toList();
            List<Future<byte[]>> keys = pool.invokeAll(starts);
            for (Future<byte[]> key : keys) {
                assertArrayEquals(keys.get(0).get(), key.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aSecretFileThatIsALinkOpenToOthersOrSomeoneElsesIsRefused() throws Exception {
        Path elsewhere = Files.writeString(folder.resolve("planted.key"), Base64.getEncoder().encodeToString(new byte[32]));
        Path linked = Files.createDirectories(folder.resolve("linked"));
        Files.createSymbolicLink(linked.resolve(GeneratedSecret.FILE_NAME), elsewhere);
        assertRefused(linked, "is a symbolic link");

        Path open = Files.createDirectories(folder.resolve("open"));
        Files.writeString(open.resolve(GeneratedSecret.FILE_NAME), Base64.getEncoder().encodeToString(new byte[32]));
        Files.setPosixFilePermissions(open.resolve(GeneratedSecret.FILE_NAME), PosixFilePermissions.fromString("rw-r--r--"));
        assertRefused(open, "is open to other users");

        Path foreign = Files.createDirectories(folder.resolve("foreign"));
        Path file = Files.writeString(foreign.resolve(GeneratedSecret.FILE_NAME), Base64.getEncoder().encodeToString(new byte[32]));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Files.setOwner(file, folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        assertRefused(foreign, "belongs to nobody");
    }

    private static void assertRefused(Path root, String reason) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> GeneratedSecret.loadOrCreate(root));
        assertTrue(e.getMessage().contains("stickyuploads.secret"), e.getMessage());
        assertTrue(e.getMessage().contains(root.resolve(GeneratedSecret.FILE_NAME).toString()), "names the path: " + e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void aDamagedFileStopsWithAMessageNamingTheKey() throws Exception {
        Files.writeString(folder.resolve(GeneratedSecret.FILE_NAME), "not a key");
        Files.setPosixFilePermissions(folder.resolve(GeneratedSecret.FILE_NAME), PosixFilePermissions.fromString("rw-------"));

        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> GeneratedSecret.loadOrCreate(folder));
        assertEquals(true, e.getMessage().contains("stickyuploads.secret"), e.getMessage());
    }
}

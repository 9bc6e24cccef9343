package io.github.stickyuploads.internal.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.stickyuploads.config.InvalidConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
        Path root = folder.resolve("sticky-uploads");

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
    void aDamagedFileStopsWithAMessageNamingTheKey() throws Exception {
        Files.writeString(folder.resolve(GeneratedSecret.FILE_NAME), "not a key");

        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> GeneratedSecret.loadOrCreate(folder));
        assertEquals(true, e.getMessage().contains("stickyuploads.secret"), e.getMessage());
    }
}

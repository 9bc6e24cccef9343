package io.github.stickyuploads.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder of a test deployment's file-system storage, read directly: the embedded server runs in the
 * test's JVM, so what the storage kept can be checked without going through the library.
 */
record StorageFolder(Path root) {

    static StorageFolder fresh(String name) {
        Path root = Path.of("target", "it-storage", name).toAbsolutePath();
        try {
            if (Files.exists(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StorageFolder(root);
    }

    /** @return a view of an existing folder, left as it is */
    static StorageFolder of(Path root) {
        return new StorageFolder(root);
    }

    /** @return the upload folders (10 hex digits of expiry, a dash, 32 random ones), in a user's folder of 16 */
    List<Path> uploads() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.walk(root, 2)) {
            return entries.filter(p -> p.getFileName().toString().matches("[0-9a-f]{10}-[0-9a-f]{32}")
                    && p.getParent().getFileName().toString().matches("[0-9a-f]{16}")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int count() {
        return uploads().size();
    }

    /** @return every regular file below the root, wherever it is */
    List<Path> allFiles() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

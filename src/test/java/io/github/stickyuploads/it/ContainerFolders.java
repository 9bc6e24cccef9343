package io.github.stickyuploads.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The folders where a container may spool request parts: the temporary folder, and the server's own folder
 * (the embedded server's instance root in this JVM, or {@code test.server.root} for a managed one). Searched for
 * a marker that a test put into every part it sent.
 */
final class ContainerFolders {

    private static final long LARGEST_FILE = 64L * 1024 * 1024;
    /**
     * The tests' own storages (see StorageFolder), where the library keeps accepted uploads on purpose: inside the
     * temporary folder too when the project itself is checked out there.
     */
    private static final Path TEST_STORAGES = Path.of("target", "it-storage").toAbsolutePath();

    private ContainerFolders() {
    }

    static Set<Path> roots() {
        Set<Path> roots = new LinkedHashSet<>();
        roots.add(Path.of(System.getProperty("java.io.tmpdir")));
        for (String property : new String[] {"com.sun.aas.instanceRoot", "test.server.root"}) {
            String root = System.getProperty(property);
            if (root != null && !root.isBlank()) {
                roots.add(Path.of(root));
            }
        }
        return roots;
    }

    /**
     * @param marker bytes every part of the test's requests carried
     * @param since only files changed since then are read
     * @return the files in the container's folders that hold the marker
     */
    static List<Path> filesContaining(String marker, Instant since) {
        byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
        List<Path> found = new ArrayList<>();
        for (Path root : roots()) {
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                        return directory.equals(TEST_STORAGES) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        if (attributes.isRegularFile() && attributes.size() <= LARGEST_FILE
                                && !attributes.lastModifiedTime().toInstant().isBefore(since.minusSeconds(2)) && holds(file, needle)) {
                            found.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        return FileVisitResult.CONTINUE; // gone meanwhile, or not ours to read
                    }
                });
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return found;
    }

    private static boolean holds(Path file, byte[] needle) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            outer:
            for (int i = 0; i <= bytes.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (bytes[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException gone) {
            return false;
        }
    }
}

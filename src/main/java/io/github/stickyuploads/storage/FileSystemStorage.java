package io.github.stickyuploads.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * An {@link UploadStorage} in a folder: each upload gets a fresh random sub-folder (mode 0700) holding
 * the bytes under a fixed name ({@code content}, mode 0600) and a small {@code metadata.properties}
 * (original name, type, owner, expiry). Client-supplied names never become paths. This is the machinery
 * behind {@link TempStorage}; use {@link #in(Path)} to put one anywhere else.
 *
 * <pre>
 * UploadStorage storage = FileSystemStorage.in(Path.of("/srv/uploads"));
 * </pre>
 *
 * @since 0.1
 */
public class FileSystemStorage implements UploadStorage {

    private static final String CONTENT = "content";
    private static final String METADATA = "metadata.properties";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    /** A folder without readable metadata is an interrupted upload once it is this old. */
    private static final Duration INTERRUPTED_AFTER = Duration.ofHours(1);
    private static final int BUFFER_SIZE = 64 * 1024;
    private static final boolean POSIX = java.nio.file.FileSystems.getDefault()
            .supportedFileAttributeViews().contains("posix");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Path root;

    /** For subclasses that learn their root later, through {@link #useRoot(Path)}. */
    protected FileSystemStorage() {
    }

    /** @param root the folder that holds the uploads; created (0700) on the first upload */
    protected FileSystemStorage(Path root) {
        this.root = normalized(root);
    }

    /**
     * @param root the folder that holds the uploads; created (0700) on the first upload
     * @return a storage in that folder
     */
    public static FileSystemStorage in(Path root) {
        return new FileSystemStorage(root);
    }

    /** @param root the folder that holds the uploads */
    protected void useRoot(Path root) {
        this.root = normalized(root);
    }

    private static Path normalized(Path root) {
        return Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    /** @return the folder that holds the uploads */
    public Path root() {
        return root;
    }

    @Override
    public StoredObject store(InputStream content, UploadMetadata metadata) throws IOException {
        createPrivateDirectories(root);
        Path folder = newUploadFolder();
        try {
            writeMetadata(folder.resolve(METADATA), metadata);
            long size;
            try (OutputStream out = Files.newOutputStream(createPrivateFile(folder.resolve(CONTENT)))) {
                size = copy(content, out);
            }
            return new StoredObject(folder.getFileName().toString(), size);
        } catch (IOException e) {
            deleteTree(folder);
            throw isOutOfSpace(e) ? new InsufficientStorageException("No space left in " + root, e) : e;
        } catch (RuntimeException | Error e) {
            deleteTree(folder);
            throw e;
        }
    }

    @Override
    public OptionalLong size(String id) throws IOException {
        Path content = contentOf(id);
        if (content == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Files.size(content));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public InputStream open(String id) throws IOException {
        Path content = contentOf(id);
        if (content == null) {
            throw new NoSuchFileException("upload " + id);
        }
        return Files.newInputStream(content);
    }

    @Override
    public boolean delete(String id) throws IOException {
        return isId(id) && deleteTree(root.resolve(id));
    }

    @Override
    public List<ExpiredUpload> purgeExpired(Instant now) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<ExpiredUpload> purged = new ArrayList<>();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root, path -> isId(path.getFileName().toString()))) {
            for (Path folder : folders) {
                Optional<UploadMetadata> metadata = readMetadata(folder.resolve(METADATA));
                if (metadata.isPresent()) {
                    if (metadata.get().expires().isBefore(now)) {
                        long size = sizeOf(folder.resolve(CONTENT));
                        if (deleteTree(folder)) {
                            purged.add(new ExpiredUpload(folder.getFileName().toString(), metadata.get(), size));
                        }
                    }
                } else if (isInterruptedLongAgo(folder, now)) {
                    deleteTree(folder);
                }
            }
        }
        return purged;
    }

    @Override
    public Optional<OwnerUsage> usage(String owner, Instant now) throws IOException {
        if (!Files.isDirectory(root)) {
            return Optional.of(new OwnerUsage(0, 0));
        }
        long files = 0;
        long bytes = 0;
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root, path -> isId(path.getFileName().toString()))) {
            for (Path folder : folders) {
                Optional<UploadMetadata> metadata = readMetadata(folder.resolve(METADATA));
                if (metadata.isPresent() && metadata.get().owner().equals(owner) && !metadata.get().expires().isBefore(now)) {
                    files++;
                    bytes += sizeOf(folder.resolve(CONTENT));
                }
            }
        }
        return Optional.of(new OwnerUsage(files, bytes));
    }

    /**
     * A folder without readable metadata is an upload that was interrupted while starting, or one that another
     * server is removing right now; it is judged by age, so that a store in progress is left alone.
     */
    private static boolean isInterruptedLongAgo(Path folder, Instant now) throws IOException {
        try {
            return Files.getLastModifiedTime(folder).toInstant().plus(INTERRUPTED_AFTER).isBefore(now);
        } catch (NoSuchFileException gone) {
            return false;
        }
    }

    private static long sizeOf(Path file) throws IOException {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    private Path newUploadFolder() throws IOException {
        while (true) {
            byte[] random = new byte[16];
            RANDOM.nextBytes(random);
            Path folder = root.resolve(HexFormat.of().formatHex(random));
            try {
                return POSIX ? Files.createDirectory(folder, ownerOnly("rwx------")) : Files.createDirectory(folder);
            } catch (FileAlreadyExistsException e) {
                // 128 random bits collided: pick again.
            }
        }
    }

    private Path contentOf(String id) {
        return isId(id) ? root.resolve(id).resolve(CONTENT) : null;
    }

    private static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    private static long copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        long total = 0;
        for (int read; (read = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, read);
            total += read;
        }
        return total;
    }

    private static void writeMetadata(Path file, UploadMetadata metadata) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("filename", metadata.filename());
        properties.setProperty("contentType", metadata.contentType());
        properties.setProperty("owner", metadata.owner());
        properties.setProperty("expires", metadata.expires().toString());
        try (Writer out = Files.newBufferedWriter(createPrivateFile(file), StandardCharsets.UTF_8)) {
            properties.store(out, null);
        }
    }

    private static Optional<UploadMetadata> readMetadata(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
            return Optional.of(new UploadMetadata(properties.getProperty("filename"), properties.getProperty("contentType"),
                    properties.getProperty("owner"), Instant.parse(properties.getProperty("expires"))));
        } catch (NoSuchFileException | RuntimeException incompleteOrGone) {
            return Optional.empty();
        }
    }

    private static void createPrivateDirectories(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            if (POSIX) {
                Files.createDirectories(directory, ownerOnly("rwx------"));
            } else {
                Files.createDirectories(directory);
            }
        }
    }

    private static Path createPrivateFile(Path file) throws IOException {
        return POSIX ? Files.createFile(file, ownerOnly("rw-------")) : Files.createFile(file);
    }

    private static FileAttribute<?> ownerOnly(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }

    /** Java reports a full disk only in the message of the failed write (ENOSPC, EDQUOT). */
    private static boolean isOutOfSpace(IOException e) {
        String reason = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : e.getMessage();
        return reason != null && (reason.contains("No space left") || reason.contains("Disk quota exceeded"));
    }

    /** Deletes a folder tree, tolerating a concurrent delete of any part of it. */
    private static boolean deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return false;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                    if (e != null && !(e instanceof NoSuchFileException)) {
                        throw e;
                    }
                    Files.deleteIfExists(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }
}

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
 * An {@link UploadStorage} in a folder: each user has a folder named by a digest of the user's name, and each
 * upload a fresh random folder in it (mode 0700) holding the bytes under a fixed name ({@code content}, mode
 * 0600) and a small {@code metadata.properties} (original name, type, owner, expiry). The id names both
 * folders, so the quota check reads one user's uploads only. Client-supplied names never become paths. This is the machinery
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
    /** An id: the owner's folder and the upload's folder. */
    private static final Pattern ID = Pattern.compile("([0-9a-f]{16})-([0-9a-f]{32})");
    private static final Pattern OWNER_FOLDER = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern UPLOAD_FOLDER = Pattern.compile("[0-9a-f]{32}");
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
        Path ownerFolder = root.resolve(ownerKey(metadata.owner()));
        createPrivateDirectories(ownerFolder);
        Path folder = newUploadFolder(ownerFolder);
        try {
            writeMetadata(folder.resolve(METADATA), metadata);
            long size;
            try (OutputStream out = Files.newOutputStream(createPrivateFile(folder.resolve(CONTENT)))) {
                size = copy(content, out);
            }
            return new StoredObject(ownerFolder.getFileName() + "-" + folder.getFileName(), size);
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
        Path folder = folderOf(id);
        return folder != null && deleteTree(folder);
    }

    @Override
    public List<ExpiredUpload> purgeExpired(Instant now) throws IOException {
        List<ExpiredUpload> purged = new ArrayList<>();
        for (Path ownerFolder : folders(root, OWNER_FOLDER)) {
            for (Path folder : folders(ownerFolder, UPLOAD_FOLDER)) {
                Optional<UploadMetadata> metadata = readMetadata(folder.resolve(METADATA));
                if (metadata.isPresent()) {
                    if (metadata.get().expires().isBefore(now)) {
                        long size = sizeOf(folder.resolve(CONTENT));
                        if (deleteTree(folder)) {
                            purged.add(new ExpiredUpload(ownerFolder.getFileName() + "-" + folder.getFileName(),
                                    metadata.get(), size));
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
        long files = 0;
        long bytes = 0;
        for (Path folder : folders(root.resolve(ownerKey(owner)), UPLOAD_FOLDER)) {
            Optional<UploadMetadata> metadata = readMetadata(folder.resolve(METADATA));
            if (metadata.isPresent() && metadata.get().owner().equals(owner) && !metadata.get().expires().isBefore(now)) {
                files++;
                bytes += sizeOf(folder.resolve(CONTENT));
            }
        }
        return Optional.of(new OwnerUsage(files, bytes));
    }

    /** @return the sub-folders of a folder whose names match, or none when the folder is missing */
    private static List<Path> folders(Path parent, Pattern names) throws IOException {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(parent, path -> names.matcher(path.getFileName().toString()).matches())) {
            List<Path> list = new ArrayList<>();
            folders.forEach(list::add);
            return list;
        } catch (NoSuchFileException gone) {
            return List.of();
        }
    }

    /** The name of a user's folder: a digest, so that no user name becomes a path. */
    private static String ownerKey(String owner) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(owner.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
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

    private static Path newUploadFolder(Path ownerFolder) throws IOException {
        while (true) {
            byte[] random = new byte[16];
            RANDOM.nextBytes(random);
            Path folder = ownerFolder.resolve(HexFormat.of().formatHex(random));
            try {
                return POSIX ? Files.createDirectory(folder, ownerOnly("rwx------")) : Files.createDirectory(folder);
            } catch (FileAlreadyExistsException e) {
                // 128 random bits collided: pick again.
            }
        }
    }

    private Path contentOf(String id) {
        Path folder = folderOf(id);
        return folder == null ? null : folder.resolve(CONTENT);
    }

    /** @return the folder of an id, or null for anything that is not an id of this storage */
    private Path folderOf(String id) {
        java.util.regex.Matcher parts = id == null ? null : ID.matcher(id);
        return parts != null && parts.matches() ? root.resolve(parts.group(1)).resolve(parts.group(2)) : null;
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

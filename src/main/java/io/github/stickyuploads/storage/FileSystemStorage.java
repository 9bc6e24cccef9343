package io.github.stickyuploads.storage;

import io.github.stickyuploads.internal.files.PrivateFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@link UploadStorage} in a folder: each user has a folder named by a digest of the user's name, and each
 * upload a fresh folder in it (mode 0700) named by its expiry and 128 random bits, holding the bytes under a fixed
 * name ({@code content}, mode 0600) and a small {@code metadata.properties} (original name, type, owner, expiry).
 * The id names both folders, so the quota check lists one user's uploads only, and it reads no metadata: the
 * folder names say what has expired, the content files their sizes. Client-supplied names never become paths. A delete
 * first renames the upload's folder, which succeeds for one caller only, so that an upload is released (and
 * announced) once however many servers or requests race. This is the machinery behind {@link TempStorage} and
 * {@link DirectoryStorage}; use {@link #in(Path)} to put one anywhere else.
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
    private static final Pattern ID = Pattern.compile("([0-9a-f]{16})-([0-9a-f]{10}-[0-9a-f]{32})");
    private static final Pattern OWNER_FOLDER = Pattern.compile("[0-9a-f]{16}");
    /** An upload's folder: its expiry (epoch seconds, 10 hex digits) and 32 random hex digits. */
    private static final Pattern UPLOAD_FOLDER = Pattern.compile("([0-9a-f]{10})-[0-9a-f]{32}");
    /** A folder being deleted: renamed first, so that only one delete wins. */
    private static final Pattern DELETED_FOLDER = Pattern.compile("[0-9a-f]{10}-[0-9a-f]{32}\\.deleted-[0-9a-f]{16}");
    /** A folder without readable metadata is an interrupted upload (or delete) once it is this old. */
    private static final Duration INTERRUPTED_AFTER = Duration.ofHours(1);
    private static final int BUFFER_SIZE = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;

    /**
     * For CDI's client proxies of subclasses only; such a proxy forwards every call and has no root of its own.
     * @since 0.1
     */
    protected FileSystemStorage() {
        this.root = null;
    }

    /**
     * @param root the folder that holds the uploads; created (0700) on the first upload
     * @since 0.1
     */
    protected FileSystemStorage(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    /**
     * @param root the folder that holds the uploads; created (0700) on the first upload
     * @return a storage in that folder
     * @since 0.1
     */
    public static FileSystemStorage in(Path root) {
        return new FileSystemStorage(root);
    }

    /**
     * @return the folder that holds the uploads
     * @since 0.1
     */
    public Path root() {
        return root;
    }

    @Override
    public StoredObject store(UploadContent content, UploadMetadata metadata) throws IOException {
        Path ownerFolder = PrivateFiles.createFolders(root.resolve(ownerKey(metadata.owner())));
        Path folder = newUploadFolder(ownerFolder, metadata.expires());
        try {
            writeMetadata(folder.resolve(METADATA), metadata);
            try (OutputStream out = PrivateFiles.newFile(folder.resolve(CONTENT))) {
                copy(content, out);
            }
            return new StoredObject(ownerFolder.getFileName() + "-" + folder.getFileName());
        } catch (IOException e) {
            deleteTree(folder);
            throw isOutOfSpace(e) ? new InsufficientStorageException("No space left in the upload folder", e) : e;
        } catch (RuntimeException | Error e) {
            deleteTree(folder);
            throw e;
        }
    }

    @Override
    public OptionalLong size(String id) throws IOException {
        Path folder = folderOf(id);
        if (folder == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Files.size(folder.resolve(CONTENT)));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public Optional<InputStream> open(String id) throws IOException {
        Path folder = folderOf(id);
        if (folder == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.newInputStream(folder.resolve(CONTENT)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean delete(String id) throws IOException {
        Path folder = folderOf(id);
        return folder != null && deleteOnce(folder);
    }

    @Override
    public List<ExpiredUpload> purgeExpired(Instant now) throws IOException {
        List<ExpiredUpload> purged = new ArrayList<>();
        for (Path ownerFolder : folders(root, OWNER_FOLDER)) {
            for (Path folder : folders(ownerFolder, UPLOAD_FOLDER)) {
                if (!expiryOf(folder).isBefore(now)) {
                    continue;
                }
                Optional<UploadMetadata> metadata = readMetadata(folder.resolve(METADATA));
                if (metadata.isPresent()) {
                    long size = sizeOf(folder.resolve(CONTENT));
                    if (deleteOnce(folder)) {
                        purged.add(new ExpiredUpload(ownerFolder.getFileName() + "-" + folder.getFileName(),
                                metadata.get(), size));
                    }
                } else if (isOlderThan(folder, now.minus(INTERRUPTED_AFTER))) {
                    deleteTree(folder); // a store that stopped before its metadata was written
                }
            }
            for (Path deleting : folders(ownerFolder, DELETED_FOLDER)) {
                if (isOlderThan(deleting, now.minus(INTERRUPTED_AFTER))) {
                    deleteTree(deleting); // a delete that stopped half-way, e.g. in a crash
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
            if (!expiryOf(folder).isBefore(now)) {
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

    /** @return the expiry an upload's folder is named by */
    private static Instant expiryOf(Path folder) {
        Matcher name = UPLOAD_FOLDER.matcher(folder.getFileName().toString());
        if (!name.matches()) {
            throw new IllegalArgumentException("Not an upload folder: " + folder.getFileName());
        }
        return Instant.ofEpochSecond(Long.parseLong(name.group(1), 16));
    }

    /**
     * The name of a user's folder: 64 bits of a digest, so that no user name becomes a path (two users whose
     * digests collide would only share a quota).
     */
    private static String ownerKey(String owner) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(owner.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * A folder without readable metadata is an upload that was interrupted while starting, or one that another
     * server is removing right now; it is judged by age, so that a store in progress is left alone.
     */
    private static boolean isOlderThan(Path folder, Instant limit) throws IOException {
        try {
            return Files.getLastModifiedTime(folder).toInstant().isBefore(limit);
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

    private static Path newUploadFolder(Path ownerFolder, Instant expires) throws IOException {
        // Rounded up to the second: the quota and the purge never let an upload go before its token does.
        long seconds = Math.max(0, expires.getEpochSecond() + (expires.getNano() > 0 ? 1 : 0));
        String expiry = HexFormat.of().toHexDigits(seconds).substring(6);
        while (true) {
            try {
                return PrivateFiles.createFolder(ownerFolder.resolve(expiry + "-" + randomHex(16)));
            } catch (FileAlreadyExistsException e) {
                // 128 random bits collided: pick again.
            }
        }
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** @return the folder of an id, or null for anything that is not an id of this storage */
    private Path folderOf(String id) {
        Matcher parts = id == null ? null : ID.matcher(id);
        return parts != null && parts.matches() ? root.resolve(parts.group(1)).resolve(parts.group(2)) : null;
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        for (int read; (read = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, read);
        }
    }

    private static void writeMetadata(Path file, UploadMetadata metadata) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("filename", metadata.filename());
        properties.setProperty("contentType", metadata.contentType());
        properties.setProperty("owner", metadata.owner());
        properties.setProperty("expires", metadata.expires().toString());
        try (Writer out = new BufferedWriter(new OutputStreamWriter(PrivateFiles.newFile(file), StandardCharsets.UTF_8))) {
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

    /** Java reports a full disk only in the message of the failed write (ENOSPC, EDQUOT). */
    private static boolean isOutOfSpace(IOException e) {
        String reason = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : e.getMessage();
        return reason != null && (reason.contains("No space left") || reason.contains("Disk quota exceeded"));
    }

    /**
     * Renames the folder out of the way, which only one caller manages, then removes it.
     *
     * @return whether this call removed it
     */
    private static boolean deleteOnce(Path folder) throws IOException {
        Path deleting = folder.resolveSibling(folder.getFileName() + ".deleted-" + randomHex(8));
        try {
            Files.move(folder, deleting, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException gone) {
            return false;
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The upload folder's file system cannot rename atomically", e);
        }
        deleteTree(deleting);
        return true;
    }

    /** Deletes a folder tree, tolerating a concurrent delete of any part of it. */
    private static void deleteTree(Path folder) throws IOException {
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
        } catch (NoSuchFileException gone) {
            // Already removed by someone else.
        }
    }
}

package io.github.stickyuploads.internal.token;

import io.github.stickyuploads.config.InvalidConfigurationException;
import io.github.stickyuploads.config.StickyUploadsConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The signing secret of an application that configured none: generated once and kept in
 * {@value #FILE_NAME} (mode 0600) under the temp root, so that tokens survive a restart. Several servers
 * sharing that root share it too; servers that do not must configure
 * {@value StickyUploadsConfig#SECRET}.
 */
public final class GeneratedSecret {

    /** The file under the temp root. */
    public static final String FILE_NAME = "secret.key";

    private static final int KEY_BYTES = 32;
    private static final int READ_ATTEMPTS = 50;

    private GeneratedSecret() {
    }

    /**
     * @param directory the temp root
     * @return the secret kept there, created now if there was none
     * @throws IOException if it can be neither read nor written
     */
    public static byte[] loadOrCreate(Path directory) throws IOException {
        Path file = directory.resolve(FILE_NAME);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.exists(file)) {
            if (posix) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(directory);
            }
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            try {
                Path created = posix ? Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                        : Files.createFile(file);
                Files.writeString(created, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII,
                        StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                return key;
            } catch (FileAlreadyExistsException e) {
                // Another server or deployment created it first: use theirs.
            }
        }
        return read(file);
    }

    private static byte[] read(Path file) throws IOException {
        for (int attempt = 1; ; attempt++) {
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            try {
                byte[] key = Base64.getDecoder().decode(text);
                if (key.length >= KEY_BYTES) {
                    return key;
                }
            } catch (IllegalArgumentException e) {
                // Fall through: not (yet) a whole key.
            }
            if (attempt == READ_ATTEMPTS) {
                throw new InvalidConfigurationException(StickyUploadsConfig.SECRET, "it is not set and the generated "
                        + "secret in " + file + " is damaged; delete that file or set " + StickyUploadsConfig.SECRET);
            }
            try {
                // Another process may be between creating the file and writing it.
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while reading " + file, e);
            }
        }
    }
}

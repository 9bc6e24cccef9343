package io.github.stickyuploads.internal.store;

import io.github.stickyuploads.config.InvalidConfigurationException;
import io.github.stickyuploads.config.StickyUploadsConfig;
import io.github.stickyuploads.internal.files.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The signing secret of an application that configured none: generated once and kept in {@value #FILE_NAME}
 * (mode 0600) in the application's temp root, so that tokens survive a restart. A secret file that is a symbolic
 * link, belongs to another user or is open to others is refused: whoever prepared it would know the key.
 * Servers that do not share that root must configure {@value StickyUploadsConfig#SECRET}.
 */
final class GeneratedSecret {

    /** The file in the temp root. */
    static final String FILE_NAME = "secret.key";

    private static final int KEY_BYTES = 32;
    private static final int READ_ATTEMPTS = 50;

    private GeneratedSecret() {
    }

    /**
     * @param directory the temp root, private to the server's user
     * @return the secret kept there, created now if there was none
     * @throws InvalidConfigurationException if the file there is not private to the server's user
     * @throws IOException if it can be neither read nor written
     */
    static byte[] loadOrCreate(Path directory) throws IOException {
        Path file = directory.resolve(FILE_NAME);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            try {
                Files.writeString(PrivateFiles.createFile(file), Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII,
                        StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                return key;
            } catch (FileAlreadyExistsException e) {
                // Another server or deployment created it first: use theirs.
            }
        }
        PrivateFiles.requirePrivate(file, StickyUploadsConfig.SECRET);
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

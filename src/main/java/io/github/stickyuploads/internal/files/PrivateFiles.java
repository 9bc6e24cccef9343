package io.github.stickyuploads.internal.files;

import io.github.stickyuploads.config.InvalidConfigurationException;
import io.github.stickyuploads.config.StickyUploadsConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.Set;

/**
 * Folders and files that only the server's own user may use: created with mode 0700 and 0600, and, where the
 * library finds them already there, refused unless they are real (no symbolic link), owned by the server's user
 * and closed to everyone else. Another local user who prepared such a path before the first start would
 * otherwise know, or choose, the signing secret, and read every upload.
 */
public final class PrivateFiles {

    /** Whether the file system has owners and permission bits to check (not so on Windows). */
    public static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private static final Set<PosixFilePermission> OPEN_TO_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private static final Set<StandardOpenOption> CREATE_NEW = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    private static final FileAttribute<Set<PosixFilePermission>> FILE_MODE = ownerOnly("rw-------");
    private static final FileAttribute<Set<PosixFilePermission>> FOLDER_MODE = ownerOnly("rwx------");
    private static volatile UserPrincipal serverUser;

    private PrivateFiles() {
    }

    /**
     * Makes the temp root ready: creates what is missing (0700) and refuses what another user could have
     * prepared, the root and, for the default root, the folder that every application's default shares.
     *
     * @param config the configuration that names the root
     * @return the root
     * @throws InvalidConfigurationException if a folder is not private to the server's user
     * @throws IOException if a folder cannot be created
     */
    public static Path tempRoot(StickyUploadsConfig config) throws IOException {
        Path root = config.tempPath();
        if (config.isDefaultTempPath()) {
            privateFolder(root.getParent(), StickyUploadsConfig.TEMP_PATH);
        }
        return privateFolder(root, StickyUploadsConfig.TEMP_PATH);
    }

    /**
     * Creates a folder (0700) and its missing parents (0700 each), or checks the one that is there.
     *
     * @param folder the folder
     * @param key the configuration key that names it, for the message
     * @return the folder
     * @throws InvalidConfigurationException if it exists but is not private to the server's user
     * @throws IOException if it cannot be created
     */
    public static Path privateFolder(Path folder, String key) throws IOException {
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            requirePrivate(folder, key);
            return folder;
        }
        if (folder.getParent() != null && !Files.exists(folder.getParent(), LinkOption.NOFOLLOW_LINKS)) {
            createFolders(folder.getParent());
        }
        try {
            return POSIX ? Files.createDirectory(folder, FOLDER_MODE) : Files.createDirectory(folder);
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            requirePrivate(folder, key); // another deployment or server created it at the same moment
            return folder;
        }
    }

    /**
     * Creates a folder and its missing parents, each 0700, without checking folders that are there.
     *
     * @param folder the folder
     * @return the folder
     * @throws IOException if it cannot be created
     */
    public static Path createFolders(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            if (POSIX) {
                Files.createDirectories(folder, FOLDER_MODE);
            } else {
                Files.createDirectories(folder);
            }
        }
        return folder;
    }

    /**
     * Creates a file with mode 0600; it must not exist yet.
     *
     * @param file the file
     * @return the file
     * @throws IOException if it exists or cannot be created
     */
    public static Path createFile(Path file) throws IOException {
        return POSIX ? Files.createFile(file, FILE_MODE) : Files.createFile(file);
    }

    /**
     * Creates a file with mode 0600 and opens it for writing, in one call to the file system; it must not exist
     * yet.
     *
     * @param file the file
     * @return a stream that writes it
     * @throws IOException if it exists or cannot be created
     */
    public static OutputStream newFile(Path file) throws IOException {
        return Channels.newOutputStream(POSIX ? Files.newByteChannel(file, CREATE_NEW, FILE_MODE) : Files.newByteChannel(file, CREATE_NEW));
    }

    /**
     * Creates a new file with mode 0600 and a random name.
     *
     * @param folder where
     * @param prefix the start of its name
     * @return the file
     * @throws IOException if it cannot be created
     */
    public static Path createTempFile(Path folder, String prefix) throws IOException {
        return POSIX ? Files.createTempFile(folder, prefix, ".tmp", FILE_MODE) : Files.createTempFile(folder, prefix, ".tmp");
    }

    /**
     * Creates a folder with mode 0700; it must not exist yet.
     *
     * @param folder the folder
     * @return the folder
     * @throws IOException if it exists or cannot be created
     */
    public static Path createFolder(Path folder) throws IOException {
        return POSIX ? Files.createDirectory(folder, FOLDER_MODE) : Files.createDirectory(folder);
    }

    /**
     * Refuses a file or folder that another user could have prepared or could read.
     *
     * @param path an existing path
     * @param key the configuration key that names it, or that avoids it, for the message
     * @throws InvalidConfigurationException if it is a symbolic link, is not owned by the server's user, or
     *         grants any permission to its group or to others
     * @throws IOException if its attributes cannot be read
     */
    public static void requirePrivate(Path path, String key) throws IOException {
        if (Files.isSymbolicLink(path)) {
            throw new InvalidConfigurationException(key, path + " is a symbolic link; the library uses only a real "
                    + "folder of this server's user; remove it, or set " + key + " to such a folder");
        }
        if (!POSIX) {
            return;
        }
        UserPrincipal owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS);
        if (!owner.equals(serverUser())) {
            throw new InvalidConfigurationException(key, path + " belongs to " + owner.getName() + ", not to this server's user "
                    + serverUser().getName() + "; remove it, or set " + key + " to a folder of this server's user");
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        permissions.retainAll(OPEN_TO_OTHERS);
        if (!permissions.isEmpty()) {
            throw new InvalidConfigurationException(key, path + " is open to other users (mode "
                    + PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS))
                    + "); make it private (chmod go= " + path + "), or set " + key + " to a private folder");
        }
    }

    /** The user this server runs as: the owner of a file it has just created. */
    private static UserPrincipal serverUser() {
        if (serverUser == null) {
            try {
                Path probe = Files.createTempFile("sticky-uploads-owner", ".probe");
                try {
                    serverUser = Files.getOwner(probe);
                } finally {
                    Files.deleteIfExists(probe);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot tell which user this server runs as", e);
            }
        }
        return serverUser;
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }
}

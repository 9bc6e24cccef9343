package io.github.stickyuploads.storage;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a storage answers when it has kept an upload: the id it chose. Size and digest are the library's
 * measurements ({@link UploadContent#size()}, {@link UploadContent#sha256()}), not the storage's.
 *
 * <pre>
 * return new StoredObject(id);
 * </pre>
 *
 * @param id the storage's id for it, URL-safe and at most {@value UploadStorage#MAX_ID_LENGTH} characters
 * @since 0.1
 */
public record StoredObject(String id) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1," + UploadStorage.MAX_ID_LENGTH + "}");

    /**
     * Checks the id.
     *
     * @param id the storage's id for the upload
     * @throws IllegalArgumentException when the id is not URL-safe or too long
     * @since 0.1
     */
    public StoredObject {
        if (!isValidId(Objects.requireNonNull(id, "id"))) {
            throw new IllegalArgumentException("A storage id must match " + ID + ": " + id);
        }
    }

    /**
     * @param id any text
     * @return whether it has the form of a storage id
     * @since 0.1
     */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }
}

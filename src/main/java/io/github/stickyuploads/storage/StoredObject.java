package io.github.stickyuploads.storage;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a storage answers when it has kept an upload.
 *
 * @param id the storage's id for it, URL-safe and at most {@value UploadStorage#MAX_ID_LENGTH} characters
 * @param size the number of bytes stored
 * @since 0.1
 */
public record StoredObject(String id, long size) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1," + UploadStorage.MAX_ID_LENGTH + "}");

    /**
     * @throws IllegalArgumentException when the id is not URL-safe or too long, or the size negative
     */
    public StoredObject {
        if (!isValidId(Objects.requireNonNull(id, "id"))) {
            throw new IllegalArgumentException("A storage id must match " + ID + ": " + id);
        }
        if (size < 0) {
            throw new IllegalArgumentException("A size cannot be negative: " + size);
        }
    }

    /**
     * @param id any text
     * @return whether it has the form of a storage id
     */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }
}

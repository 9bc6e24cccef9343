package io.github.stickyuploads;

import java.io.IOException;

/**
 * The temporary copy of a {@link StickyFile} is gone: released (Remove, another request, {@link StickyFile#delete()})
 * or purged after it expired, between the moment the form's token was accepted and the moment the application
 * read the file. In a Faces application the library answers it like a missing file: the form comes back with the
 * field's message and the user picks the file again. Elsewhere, catch it where you read the file.
 *
 * <h2>Usage</h2>
 * <pre>
 * try {
 *     resume.transferTo(target);
 * } catch (UploadGoneException e) {
 *     // ask for the file again
 * }
 * </pre>
 *
 * @since 0.1
 */
public class UploadGoneException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The file whose temporary copy is gone; not kept when the exception is serialized. */
    private final transient StickyFile file;

    /**
     * @param file the file whose temporary copy is gone
     * @since 0.1
     */
    public UploadGoneException(StickyFile file) {
        super("The temporary upload of " + file.filename() + " is gone (released or expired)");
        this.file = file;
    }

    /**
     * @return the file whose temporary copy is gone
     * @since 0.1
     */
    public StickyFile file() {
        return file;
    }
}

package io.github.stickyuploads.internal.upload;

import java.util.Objects;

/** Ends the handling of an upload with a {@link UploadRefusal}. */
public final class UploadRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient UploadRefusal refusal;

    UploadRefusedException(UploadRefusal refusal) {
        super(refusal.reason().name(), null, false, false);
        this.refusal = Objects.requireNonNull(refusal, "refusal");
    }

    /** @return why */
    public UploadRefusal refusal() {
        return refusal;
    }
}

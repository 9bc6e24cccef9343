package io.github.stickyuploads.internal.upload;

import io.github.stickyuploads.config.DataSize;
import io.github.stickyuploads.internal.endpoint.UploadEndpoint;
import java.util.Objects;

/**
 * A caller let through to upload one file at an endpoint: who, how many bytes the file may have (the endpoint's
 * limit, or less when the user's quota leaves less room), and the refusal for a file that has more.
 *
 * @param endpoint where
 * @param owner the caller's principal name
 * @param limit the largest file this admission takes
 * @param overLimit the refusal for a larger file: too large, or over the user's quota
 */
public record Admission(UploadEndpoint endpoint, String owner, DataSize limit, UploadRefusal overLimit) {

    /** Checks. */
    public Admission {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(overLimit, "overLimit");
    }
}

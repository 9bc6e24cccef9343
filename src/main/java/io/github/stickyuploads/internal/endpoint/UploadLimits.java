package io.github.stickyuploads.internal.endpoint;

import io.github.stickyuploads.config.DataSize;
import io.github.stickyuploads.config.MediaTypeRange;
import java.util.List;
import java.util.Objects;

/**
 * What one endpoint accepts.
 *
 * @param maxSize the largest file
 * @param allowedTypes the media types a file's content may have
 */
public record UploadLimits(DataSize maxSize, List<MediaTypeRange> allowedTypes) {

    /** Checks and copies. */
    public UploadLimits {
        Objects.requireNonNull(maxSize, "maxSize");
        allowedTypes = List.copyOf(allowedTypes);
        if (maxSize.bytes() == 0 || allowedTypes.isEmpty()) {
            throw new IllegalArgumentException("An endpoint accepts at least one byte and one type");
        }
    }

    /**
     * @param mediaType a sniffed media type
     * @return whether the endpoint accepts it
     */
    public boolean isAllowedType(String mediaType) {
        return allowedTypes.stream().anyMatch(range -> range.includes(mediaType));
    }
}

package io.github.stickyuploads.s3.internal;

import io.github.stickyuploads.storage.UploadMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The user metadata ({@code x-amz-meta-*}) of this storage's objects: what the library knew of an upload before
 * its bytes, kept with the object so that a purge can report it, and the token of a claim.
 *
 * <p>Names are lowercase only: S3Proxy's GET answers them in the case they were sent, and the SDK's map is
 * case-sensitive. Values are ASCII only, since a raw UTF-8 value breaks the signature; hence base64url for text.
 */
public final class ObjectMetadata {

    /** The random token of a claim, which tells the caller whose PUT created it. */
    public static final String CLAIM_TOKEN = "claim";

    private static final String FILENAME = "filename";
    private static final String OWNER = "owner";
    private static final String CONTENT_TYPE = "content-type";
    private static final String EXPIRES = "expires";

    private ObjectMetadata() {
    }

    /** @return the user metadata that keeps what the library knew of an upload before its bytes */
    public static Map<String, String> of(UploadMetadata metadata) {
        Map<String, String> encoded = new LinkedHashMap<>();
        encoded.put(FILENAME, text(metadata.filename()));
        encoded.put(OWNER, text(metadata.owner()));
        encoded.put(CONTENT_TYPE, text(metadata.contentType()));
        encoded.put(EXPIRES, metadata.expires().toString());
        return encoded;
    }

    /** @return the metadata of an upload, from its user metadata; empty when it is not this storage's */
    public static Optional<UploadMetadata> uploadMetadata(Map<String, String> encoded) {
        try {
            String filename = encoded.get(FILENAME);
            String owner = encoded.get(OWNER);
            String contentType = encoded.get(CONTENT_TYPE);
            String expires = encoded.get(EXPIRES);
            if (filename == null || owner == null || contentType == null || expires == null) {
                return Optional.empty();
            }
            return Optional.of(new UploadMetadata(untext(filename), untext(contentType), untext(owner), Instant.parse(expires)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String text(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String untext(String value) {
        return new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
    }
}

package io.github.stickyuploads.internal.token;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What a token says about one stored upload. The owner and the upload path are bound too, but only as
 * digests: they are inputs of {@link TokenCodec#mint} and {@link TokenCodec#verify}, not claims.
 *
 * @param storage the name of the storage that holds it
 * @param objectId the storage's id
 * @param filename the sanitised original name
 * @param size the number of bytes
 * @param contentType the sniffed media type
 * @param sha256 the SHA-256 of the bytes (32 bytes)
 * @param expires when the token stops being accepted
 */
public record TokenClaims(String storage, String objectId, String filename, long size, String contentType,
                          byte[] sha256, Instant expires) implements java.io.Serializable {

    /** Checks the fields and copies the digest. */
    public TokenClaims {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(contentType, "contentType");
        if (Objects.requireNonNull(sha256, "sha256").length != 32) {
            throw new IllegalArgumentException("A SHA-256 has 32 bytes");
        }
        sha256 = sha256.clone();
        expires = Instant.ofEpochSecond(Objects.requireNonNull(expires, "expires").getEpochSecond());
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    /** @return the SHA-256 in lower-case hex */
    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenClaims that && storage.equals(that.storage) && objectId.equals(that.objectId)
                && filename.equals(that.filename) && size == that.size && contentType.equals(that.contentType)
                && Arrays.equals(sha256, that.sha256) && expires.equals(that.expires);
    }

    @Override
    public int hashCode() {
        return Objects.hash(storage, objectId, filename, size, contentType, Arrays.hashCode(sha256), expires);
    }

    @Override
    public String toString() {
        return "TokenClaims[" + storage + "/" + objectId + ", " + filename + ", " + size + " bytes, " + contentType + "]";
    }
}

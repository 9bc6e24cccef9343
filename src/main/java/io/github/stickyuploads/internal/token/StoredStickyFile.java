package io.github.stickyuploads.internal.token;

import io.github.stickyuploads.StickyFile;
import io.github.stickyuploads.internal.upload.StorageRegistry;
import io.github.stickyuploads.storage.UploadStorage;
import jakarta.enterprise.inject.spi.CDI;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@link StickyFile} whose token was accepted: the token's claims, the token itself (so that a form can
 * carry it again when it is shown once more), and the storage that holds the bytes. It is serializable,
 * because Faces keeps input values in the view state: after deserialisation the storage is looked up again
 * by the name in the claims.
 */
public final class StoredStickyFile implements StickyFile, Serializable {

    private static final long serialVersionUID = 1L;

    private final TokenClaims claims;
    private final String token;
    private transient UploadStorage storage;

    /**
     * @param claims what the verified token says
     * @param storage where the bytes are
     * @param token the token that stands for it
     */
    public StoredStickyFile(TokenClaims claims, UploadStorage storage, String token) {
        this.claims = Objects.requireNonNull(claims, "claims");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.token = Objects.requireNonNull(token, "token");
    }

    /** @return what the verified token says */
    public TokenClaims claims() {
        return claims;
    }

    /** @return the token that stands for this file */
    public String token() {
        return token;
    }

    /** @return the storage that holds the bytes */
    public UploadStorage storage() {
        if (storage == null) {
            storage = CDI.current().select(StorageRegistry.class).get().named(claims.storage())
                    .orElseThrow(() -> new IllegalStateException("There is no storage named " + claims.storage()));
        }
        return storage;
    }

    @Override
    public String filename() {
        return claims.filename();
    }

    @Override
    public long size() {
        return claims.size();
    }

    @Override
    public String contentType() {
        return claims.contentType();
    }

    @Override
    public String sha256() {
        return claims.sha256Hex();
    }

    @Override
    public Instant expires() {
        return claims.expires();
    }

    @Override
    public InputStream openStream() throws IOException {
        return storage().open(claims.objectId());
    }

    @Override
    public void transferTo(Path target) throws IOException {
        try (InputStream in = openStream()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void delete() throws IOException {
        storage().delete(claims.objectId());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredStickyFile that && claims.equals(that.claims) && token.equals(that.token);
    }

    @Override
    public int hashCode() {
        return Objects.hash(claims, token);
    }

    @Override
    public String toString() {
        return "StickyFile[" + claims.filename() + ", " + claims.size() + " bytes, " + claims.contentType() + "]";
    }
}

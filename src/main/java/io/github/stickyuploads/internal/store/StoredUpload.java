package io.github.stickyuploads.internal.store;

import io.github.stickyuploads.StickyFile;
import io.github.stickyuploads.internal.token.TokenClaims;
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
 * One temporary upload, as the application gets it: what its token says, the token itself (so that a form can
 * carry it again when it is shown once more) and whose it is. Reading and releasing go through
 * {@link TemporaryUploads}, the one owner of an upload's life. It is serializable, because Faces keeps input
 * values in the view state; after deserialisation the owner is looked up again.
 */
public final class StoredUpload implements StickyFile, Serializable {

    private static final long serialVersionUID = 2L;

    private final TokenClaims claims;
    private final String token;
    private final String owner;
    private transient TemporaryUploads uploads;

    StoredUpload(TokenClaims claims, String token, String owner, TemporaryUploads uploads) {
        this.claims = Objects.requireNonNull(claims, "claims");
        this.token = Objects.requireNonNull(token, "token");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.uploads = uploads;
    }

    /** @return what the token says */
    public TokenClaims claims() {
        return claims;
    }

    @Override
    public String token() {
        return token;
    }

    /** @return the principal name of the user it belongs to */
    public String owner() {
        return owner;
    }

    private TemporaryUploads uploads() {
        if (uploads == null) {
            uploads = CDI.current().select(TemporaryUploads.class).get();
        }
        return uploads;
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
        return uploads().open(this);
    }

    @Override
    public void transferTo(Path target) throws IOException {
        try (InputStream in = openStream()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void delete() throws IOException {
        uploads().release(this);
    }

    /** @return whether the storage still has the bytes, with the recorded size */
    public boolean isStillThere() {
        return uploads().isStillThere(this);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredUpload that && claims.equals(that.claims) && token.equals(that.token);
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

package io.github.stickyuploads.internal.token;

import io.github.stickyuploads.StickyFile;
import io.github.stickyuploads.UploadEvent;
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
import java.util.function.Consumer;

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
    private final String owner;
    private transient UploadStorage storage;
    private transient Consumer<UploadEvent> events;

    /**
     * @param claims what the verified token says
     * @param token the token that stands for it
     * @param owner the principal name of the user it belongs to
     * @param storage where the bytes are
     * @param events where its release is announced
     */
    public StoredStickyFile(TokenClaims claims, String token, String owner, UploadStorage storage, Consumer<UploadEvent> events) {
        this.claims = Objects.requireNonNull(claims, "claims");
        this.token = Objects.requireNonNull(token, "token");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.events = Objects.requireNonNull(events, "events");
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
        release();
    }

    /**
     * Releases the temporary copy and announces it with {@link UploadEvent.Released}.
     *
     * @return whether there was something to release
     * @throws IOException if the storage cannot be changed
     */
    public boolean release() throws IOException {
        boolean released = storage().delete(claims.objectId());
        if (released) {
            if (events == null) {
                // Deserialised from a view state: announce through CDI like the rest of the application.
                events = CDI.current().getBeanManager().getEvent().select(UploadEvent.class)::fire;
            }
            events.accept(new UploadEvent.Released(claims.storage(), owner, claims.filename(), claims.contentType(), claims.size()));
        }
        return released;
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

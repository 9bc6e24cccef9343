package io.github.stickyuploads.internal.store;

import io.github.stickyuploads.UploadEvent;
import io.github.stickyuploads.UploadGoneException;
import io.github.stickyuploads.internal.endpoint.UploadEndpoint;
import io.github.stickyuploads.internal.token.TokenCheck;
import io.github.stickyuploads.internal.token.TokenClaims;
import io.github.stickyuploads.internal.token.TokenRefusal;
import io.github.stickyuploads.storage.ExpiredUpload;
import io.github.stickyuploads.storage.StoredObject;
import io.github.stickyuploads.storage.UploadContent;
import io.github.stickyuploads.storage.UploadMetadata;
import io.github.stickyuploads.storage.UploadStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one owner of a temporary upload's life: it stores an upload and mints its token, resolves a token back
 * into its upload, opens and releases it, and purges what expired. It is the only publisher of
 * {@link UploadEvent.Stored}, {@link UploadEvent.Released} and {@link UploadEvent.Expired}, each fired once per
 * upload: a release or purge is announced only by the call that the storage says removed it.
 */
@ApplicationScoped
public class TemporaryUploads {

    private static final Logger LOG = Logger.getLogger("io.github.stickyuploads");

    @Inject
    StorageRegistry storages;

    @Inject
    TokenKeys keys;

    @Inject
    Event<UploadEvent> events;

    /** The time, for the expiry of tokens; a test sets another. */
    Clock clock = Clock.systemUTC();

    /**
     * Stores an upload whose content has been checked, and mints its token.
     *
     * @param endpoint the endpoint it came through: its storage keeps it, its path binds the token
     * @param metadata name, type, owner and expiry
     * @param content the bytes, measured on the way
     * @return the stored upload
     * @throws IOException whatever the storage or the content threw; nothing of the upload remains
     */
    public StoredUpload store(UploadEndpoint endpoint, UploadMetadata metadata, UploadContent content) throws IOException {
        UploadStorage storage = storages.required(endpoint.storage());
        StoredObject stored = storage.store(content, metadata);
        if (!content.isFullyRead()) {
            storage.delete(stored.id());
            throw new IOException("The storage " + endpoint.storage() + " kept an upload without reading it to its end");
        }
        TokenClaims claims = new TokenClaims(endpoint.storage(), stored.id(), metadata.filename(), content.size(),
                metadata.contentType(), content.sha256(), metadata.expires());
        String token = keys.codec().mint(claims, metadata.owner(), endpoint.path());
        events.fire(new UploadEvent.Stored(endpoint.storage(), metadata.owner(), metadata.filename(), metadata.contentType(),
                content.size(), claims.sha256Hex(), metadata.expires()));
        return new StoredUpload(claims, token, metadata.owner(), this);
    }

    /**
     * Resolves a token: its signature, expiry, application, endpoint and owner, then whether the storage still
     * has the upload with the recorded size. Nothing is logged: the caller counts refusals per request.
     *
     * @param token what the client sent, possibly anything
     * @param owner the current user's principal name
     * @param endpoint the endpoint the reader belongs to
     * @return the upload, or why the token gives none
     */
    public Resolution resolve(String token, String owner, UploadEndpoint endpoint) {
        TokenCheck check = keys.codec().verify(token, owner, endpoint.path(), clock.instant());
        if (check.refusal().isPresent()) {
            return Resolution.refused(check.refusal().get());
        }
        TokenClaims claims = check.claims().orElseThrow();
        Optional<UploadStorage> storage;
        try {
            storage = storages.named(claims.storage());
        } catch (RuntimeException unusable) {
            LOG.log(Level.FINE, "Storage " + claims.storage() + " cannot be used", unusable);
            return Resolution.refused(TokenRefusal.UNKNOWN_STORAGE);
        }
        if (storage.isEmpty()) {
            return Resolution.refused(TokenRefusal.UNKNOWN_STORAGE);
        }
        OptionalLong size;
        try {
            size = storage.get().size(claims.objectId());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Storage " + claims.storage() + " failed", e);
            return Resolution.refused(TokenRefusal.STORAGE_FAILED);
        }
        if (size.isEmpty()) {
            return Resolution.refused(TokenRefusal.OBJECT_GONE);
        }
        if (size.getAsLong() != claims.size()) {
            return Resolution.refused(TokenRefusal.SIZE_DIFFERS);
        }
        return Resolution.of(new StoredUpload(claims, token, owner, this));
    }

    /**
     * @param upload an upload
     * @return its bytes
     * @throws UploadGoneException if it is gone
     * @throws IOException if the storage cannot be read
     */
    public InputStream open(StoredUpload upload) throws IOException {
        return storage(upload).open(upload.claims().objectId())
                .orElseThrow(() -> new UploadGoneException(upload));
    }

    /**
     * @param upload an upload
     * @return whether its storage still has it, with the recorded size
     */
    public boolean isStillThere(StoredUpload upload) {
        try {
            OptionalLong size = storage(upload).size(upload.claims().objectId());
            return size.isPresent() && size.getAsLong() == upload.size();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Storage " + upload.claims().storage() + " failed", e);
            return false;
        }
    }

    /**
     * Releases an upload and announces it, if this call is the one that removed it.
     *
     * @param upload an upload
     * @return whether this call released it
     * @throws IOException if the storage cannot be changed
     */
    public boolean release(StoredUpload upload) throws IOException {
        TokenClaims claims = upload.claims();
        boolean released = storage(upload).delete(claims.objectId());
        if (released) {
            events.fire(new UploadEvent.Released(claims.storage(), upload.owner(), claims.filename(), claims.contentType(),
                    claims.size()));
        }
        return released;
    }

    /**
     * Releases an upload that a refused request stored, logging rather than throwing a failure: it would expire.
     *
     * @param upload an upload, or null
     */
    public void discard(StoredUpload upload) {
        if (upload == null) {
            return;
        }
        try {
            release(upload);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not release an upload of a refused request; it will expire", e);
        }
    }

    /** Removes every expired upload of every storage in use now, and announces each. */
    public void purge() {
        Instant now = clock.instant();
        storages.inUse().forEach((name, storage) -> {
            try {
                List<ExpiredUpload> purged = storage.purgeExpired(now);
                if (!purged.isEmpty()) {
                    LOG.info(() -> "Purged " + purged.size() + " expired uploads from storage " + name);
                }
                for (ExpiredUpload upload : purged) {
                    UploadMetadata metadata = upload.metadata();
                    events.fire(new UploadEvent.Expired(name, metadata.owner(), metadata.filename(), metadata.contentType(),
                            upload.size()));
                }
            } catch (IOException | RuntimeException e) {
                // A storage that is down now is purged on a later run.
                LOG.log(Level.WARNING, "Could not purge expired uploads from storage " + name, e);
            }
        });
    }

    private UploadStorage storage(StoredUpload upload) {
        return storages.required(upload.claims().storage());
    }
}

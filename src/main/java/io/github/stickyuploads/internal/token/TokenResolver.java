package io.github.stickyuploads.internal.token;

import io.github.stickyuploads.UploadEvent;
import io.github.stickyuploads.storage.UploadStorage;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a token back into its stored file, or into "no file" plus one WARNING naming the reason (never the
 * token): the signature, expiry, path and owner checks of {@link TokenCodec}, then whether the storage still
 * has the object with the recorded size.
 */
public final class TokenResolver {

    private static final Logger LOG = Logger.getLogger("io.github.stickyuploads");

    private final TokenCodec codec;
    private final Function<String, Optional<UploadStorage>> storages;
    private final Clock clock;
    private final Consumer<UploadEvent> events;

    /**
     * @param codec checks the token itself
     * @param storages finds a storage by the name in a token
     * @param clock tells the time for the expiry check
     * @param events where the release of a resolved file is announced
     */
    public TokenResolver(TokenCodec codec, Function<String, Optional<UploadStorage>> storages, Clock clock,
                         Consumer<UploadEvent> events) {
        this.codec = codec;
        this.storages = storages;
        this.clock = clock;
        this.events = events;
    }

    /**
     * @param token what the client sent
     * @param owner the current user's principal name
     * @param uploadPath the path of the endpoint the reader belongs to
     * @return the file, or empty (and one WARNING line) when the token gives none
     */
    public Optional<StoredStickyFile> resolve(String token, String owner, String uploadPath) {
        TokenCheck check = codec.verify(token, owner, uploadPath, clock.instant());
        if (check.refusal().isPresent()) {
            return refuse(check.refusal().get(), uploadPath);
        }
        TokenClaims claims = check.claims().orElseThrow();
        Optional<UploadStorage> storage = storages.apply(claims.storage());
        if (storage.isEmpty()) {
            return refuse(Refusal.UNKNOWN_STORAGE, uploadPath);
        }
        OptionalLong size;
        try {
            size = storage.get().size(claims.objectId());
        } catch (IOException e) {
            LOG.log(Level.FINE, "Storage " + claims.storage() + " failed", e);
            return refuse(Refusal.STORAGE_FAILED, uploadPath);
        }
        if (size.isEmpty()) {
            return refuse(Refusal.OBJECT_GONE, uploadPath);
        }
        if (size.getAsLong() != claims.size()) {
            return refuse(Refusal.SIZE_DIFFERS, uploadPath);
        }
        return Optional.of(new StoredStickyFile(claims, token, owner, storage.get(), events));
    }

    private static Optional<StoredStickyFile> refuse(Refusal refusal, String uploadPath) {
        LOG.warning(() -> "Ignoring a sticky-upload token read for " + uploadPath + ": " + refusal.reason());
        return Optional.empty();
    }
}

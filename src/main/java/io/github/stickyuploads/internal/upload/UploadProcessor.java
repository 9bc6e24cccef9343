package io.github.stickyuploads.internal.upload;

import io.github.stickyuploads.UploadEvent;
import io.github.stickyuploads.config.DataSize;
import io.github.stickyuploads.config.StickyUploadsConfig;
import io.github.stickyuploads.internal.token.StoredStickyFile;
import io.github.stickyuploads.internal.token.TokenClaims;
import io.github.stickyuploads.internal.token.TokenService;
import io.github.stickyuploads.storage.InsufficientStorageException;
import io.github.stickyuploads.storage.OwnerUsage;
import io.github.stickyuploads.storage.SizeLimitExceededException;
import io.github.stickyuploads.storage.StoredObject;
import io.github.stickyuploads.storage.UploadMetadata;
import io.github.stickyuploads.storage.UploadStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores one uploaded file as it streams in: sniffs its type from the first bytes, refuses empty files and
 * types that are not allowed before anything is written, enforces the size limit while the bytes flow into
 * the storage, measures size and SHA-256 on the way, and mints the token.
 */
@ApplicationScoped
public class UploadProcessor {

    private static final Logger LOG = Logger.getLogger("io.github.stickyuploads");
    private static final int BUFFER_SIZE = 64 * 1024;

    @Inject
    StickyUploadsConfig config;

    @Inject
    StorageRegistry storages;

    @Inject
    TokenService tokens;

    @Inject
    Event<UploadEvent> events;

    /**
     * @param content the file's bytes as the client sends them
     * @param clientFilename the name the client gave, unsanitised
     * @param owner the uploader's principal name
     * @param storageName the storage to keep it in
     * @param uploadPath the path of the endpoint that receives it
     * @return what was stored and its token
     * @throws UploadRejectedException when the file is refused; then nothing of it is stored
     */
    public StoredUpload store(InputStream content, String clientFilename, String owner, String storageName,
                              String uploadPath) throws UploadRejectedException {
        UploadStorage storage = storages.named(storageName)
                .orElseThrow(() -> new IllegalStateException("There is no storage named " + storageName));
        String filename = FilenameSanitizer.sanitize(clientFilename);
        Instant expires = Instant.now().plus(config.expiry()).truncatedTo(ChronoUnit.SECONDS);
        MessageDigest sha256 = sha256();
        DataSize limit = config.maxSize();
        boolean quotaIsTheLimit = false;
        try {
            Optional<OwnerUsage> usage = storage.usage(owner, Instant.now());
            if (usage.isPresent()) {
                if (usage.get().files() >= config.quotaFiles()) {
                    throw new UploadRejectedException(429, "__all__", "quota.files", config.quotaFiles());
                }
                long room = config.quotaBytes().bytes() - usage.get().bytes();
                if (room <= 0) {
                    throw new UploadRejectedException(429, "__all__", "quota.bytes", config.quotaBytes());
                }
                if (room < limit.bytes()) {
                    limit = new DataSize(room);
                    quotaIsTheLimit = true;
                }
            }
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "Storage " + storageName + " failed", e);
            throw new UploadRejectedException(503, "__all__", "storage.unavailable");
        }
        try (InputStream in = new BufferedInputStream(new UploadInputStream(content, limit),
                Math.max(BUFFER_SIZE, ContentSniffer.readLimit() + 1))) {
            in.mark(1);
            if (in.read() < 0) {
                throw new UploadRejectedException(400, "upload", "upload.empty");
            }
            in.reset();
            String contentType = ContentSniffer.sniff(in, filename);
            if (!config.isAllowedType(contentType)) {
                throw new UploadRejectedException(415, "upload", "upload.type-not-allowed", contentType);
            }
            StoredObject stored = storage.store(new DigestInputStream(in, sha256),
                    new UploadMetadata(filename, contentType, owner, expires));
            TokenClaims claims = new TokenClaims(storageName, stored.id(), filename, stored.size(), contentType,
                    sha256.digest(), expires);
            events.fire(new UploadEvent.Stored(storageName, owner, filename, contentType, stored.size(), claims.sha256Hex(),
                    expires));
            return new StoredUpload(claims, tokens.mint(claims, owner, uploadPath), owner);
        } catch (SizeLimitExceededException e) {
            if (quotaIsTheLimit) {
                throw new UploadRejectedException(429, "__all__", "quota.bytes", config.quotaBytes());
            }
            throw new UploadRejectedException(413, "upload", "upload.too-large", e.limit());
        } catch (UploadInputStream.ClientAbortException e) {
            LOG.info(() -> "An upload by " + owner + " stopped before its end: " + e.getCause());
            throw new UploadRejectedException(400, "__all__", "upload.malformed");
        } catch (InsufficientStorageException e) {
            LOG.log(Level.SEVERE, "Storage " + storageName + " is full", e);
            throw new UploadRejectedException(507, "__all__", "storage.full");
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "Storage " + storageName + " failed", e);
            throw new UploadRejectedException(503, "__all__", "storage.unavailable");
        }
    }

    /**
     * Deletes an upload that was stored while handling a request that then failed as a whole.
     *
     * @param stored the upload, or null when nothing was stored
     */
    public void discard(StoredUpload stored) {
        if (stored == null) {
            return;
        }
        try {
            asFile(stored).release();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not delete an upload of a refused request; it will expire", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * An upload that was stored.
     *
     * @param claims what was stored
     * @param token the token that stands for it
     * @param owner who uploaded it
     */
    public record StoredUpload(TokenClaims claims, String token, String owner) {
    }

    /**
     * @param stored an upload just stored
     * @return it as a file of the application
     */
    public StoredStickyFile asFile(StoredUpload stored) {
        return new StoredStickyFile(stored.claims(), stored.token(), stored.owner(),
                storages.named(stored.claims().storage()).orElseThrow(), events::fire);
    }
}

package io.github.stickyuploads.internal.upload;

import io.github.stickyuploads.config.DataSize;
import io.github.stickyuploads.config.StickyUploadsConfig;
import io.github.stickyuploads.internal.endpoint.UploadEndpoint;
import io.github.stickyuploads.internal.multipart.SizeLimitExceededException;
import io.github.stickyuploads.internal.store.StorageRegistry;
import io.github.stickyuploads.internal.store.StoredUpload;
import io.github.stickyuploads.internal.store.TemporaryUploads;
import io.github.stickyuploads.internal.upload.UploadRefusal.Reason;
import io.github.stickyuploads.storage.InsufficientStorageException;
import io.github.stickyuploads.storage.OwnerUsage;
import io.github.stickyuploads.storage.UploadMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.SecurityContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.security.Principal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one road from a client's file to a stored upload with its token, which the JAX-RS endpoint and the Faces
 * tag both take, in named steps: {@link #admit admit} (authenticated, the endpoint's roles and policy, the
 * user's quota), then for each file {@link #receive receive}: inspect (empty, sniffed type, allowed types), store
 * (size limit, digest), mint. Every refusal is an {@link UploadRefusal}; what the client sees of it is for each
 * road to say.
 */
@ApplicationScoped
public class UploadPipeline {

    private static final Logger LOG = Logger.getLogger("io.github.stickyuploads");

    @Inject
    StickyUploadsConfig config;

    @Inject
    StorageRegistry storages;

    @Inject
    TemporaryUploads uploads;

    /**
     * Admits a caller to upload one file at an endpoint.
     *
     * @param endpoint where
     * @param security who
     * @return the admission, with the size the file may have
     * @throws UploadRefusedException when nobody is logged in, the endpoint's roles or policy refuse the caller,
     *         the user's quota is used up, or the storage cannot tell the usage
     */
    public Admission admit(UploadEndpoint endpoint, SecurityContext security) throws UploadRefusedException {
        String owner = admitCaller(endpoint, security);
        if (!endpoint.policy().allows(security)) {
            throw UploadRefusal.of(Reason.FORBIDDEN).exception();
        }
        return admitFile(endpoint, owner);
    }

    /**
     * @param endpoint where
     * @param security who
     * @return whether the caller is logged in and the endpoint's roles and policy let them upload; the quota is
     *         not asked, so that a page can show who may upload without reading the storage
     */
    public boolean mayUpload(UploadEndpoint endpoint, SecurityContext security) {
        try {
            admitCaller(endpoint, security);
            return endpoint.policy().allows(security);
        } catch (UploadRefusedException e) {
            return false;
        }
    }

    private Admission admitFile(UploadEndpoint endpoint, String owner) throws UploadRefusedException {
        DataSize maxSize = endpoint.limits().maxSize();
        Optional<OwnerUsage> usage;
        try {
            usage = storages.required(endpoint.storage()).usage(owner, Instant.now());
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "Storage " + endpoint.storage() + " failed", e);
            throw UploadRefusal.of(Reason.STORAGE_UNAVAILABLE).exception();
        }
        if (usage.isPresent()) {
            if (usage.get().files() >= config.quotaFiles()) {
                throw UploadRefusal.of(Reason.QUOTA_FILES, config.quotaFiles()).exception();
            }
            long room = config.quotaBytes().bytes() - usage.get().bytes();
            if (room <= 0) {
                throw UploadRefusal.of(Reason.QUOTA_BYTES, config.quotaBytes()).exception();
            }
            if (room < maxSize.bytes()) {
                return new Admission(endpoint, owner, new DataSize(room), UploadRefusal.of(Reason.QUOTA_BYTES, config.quotaBytes()));
            }
        }
        return new Admission(endpoint, owner, maxSize, UploadRefusal.of(Reason.TOO_LARGE, maxSize));
    }

    /**
     * Admits a caller to release uploads at an endpoint: the caller's own only, as each token is bound to its
     * owner. The endpoint's roles apply; its policy and the quota do not, so that a user can always take back
     * an upload.
     *
     * @param endpoint where
     * @param security who
     * @return the caller's principal name
     * @throws UploadRefusedException when nobody is logged in or the endpoint's roles refuse the caller
     */
    public String admitRelease(UploadEndpoint endpoint, SecurityContext security) throws UploadRefusedException {
        return admitCaller(endpoint, security);
    }

    private static String admitCaller(UploadEndpoint endpoint, SecurityContext security) throws UploadRefusedException {
        Principal user = security.getUserPrincipal();
        if (user == null) {
            throw UploadRefusal.of(Reason.UNAUTHENTICATED).exception();
        }
        if (!endpoint.roles().isEmpty() && endpoint.roles().stream().noneMatch(security::isUserInRole)) {
            throw UploadRefusal.of(Reason.FORBIDDEN).exception();
        }
        return user.getName();
    }

    /**
     * Receives one admitted file: inspects it, stores it while it streams in, and mints its token.
     *
     * @param admission the caller's admission for this file
     * @param client the file's bytes as the client sends them
     * @param clientFilename the name the client gave, unsanitised
     * @return the stored upload, with its token
     * @throws UploadRefusedException when the file is refused; then nothing of it is stored
     */
    public StoredUpload receive(Admission admission, InputStream client, String clientFilename) throws UploadRefusedException {
        String filename = FilenameSanitizer.sanitize(clientFilename);
        byte[] prefix = new byte[ContentSniffer.readLimit()];
        int length = readPrefix(admission, client, prefix);
        String contentType = inspect(admission, prefix, length, filename);
        Instant expires = Instant.now().plus(config.expiry()).truncatedTo(ChronoUnit.SECONDS);
        // The prefix goes back in front of the rest; the rest goes on straight from the client, copied no more.
        InputStream whole = new SequenceInputStream(new ByteArrayInputStream(prefix, 0, length), client);
        return store(admission, new ClientContent(whole, admission.limit()),
                new UploadMetadata(filename, contentType, admission.owner(), expires));
    }

    /** @return how many of the first bytes of the file, at most the prefix's length, the client sent */
    private static int readPrefix(Admission admission, InputStream client, byte[] prefix) throws UploadRefusedException {
        try {
            return client.readNBytes(prefix, 0, prefix.length);
        } catch (IOException e) {
            throw clientFailed(e, admission);
        }
    }

    /** Refuses an empty file and a type the endpoint does not accept, from the first bytes, before storing anything. */
    private static String inspect(Admission admission, byte[] prefix, int length, String filename)
            throws UploadRefusedException {
        if (length == 0) {
            throw UploadRefusal.of(Reason.EMPTY).exception();
        }
        String contentType = ContentSniffer.sniff(prefix, length, filename);
        if (!admission.endpoint().limits().isAllowedType(contentType)) {
            throw UploadRefusal.of(Reason.TYPE_NOT_ALLOWED, contentType).exception();
        }
        return contentType;
    }

    private StoredUpload store(Admission admission, ClientContent content, UploadMetadata metadata)
            throws UploadRefusedException {
        String storage = admission.endpoint().storage();
        try {
            return uploads.store(admission.endpoint(), metadata, content);
        } catch (IOException | RuntimeException e) {
            Optional<IOException> clientFailure = content.clientFailure();
            if (clientFailure.isPresent()) {
                throw clientFailed(clientFailure.get(), admission);
            }
            if (e instanceof InsufficientStorageException) {
                LOG.log(Level.SEVERE, "Storage " + storage + " is full", e);
                throw UploadRefusal.of(Reason.STORAGE_FULL).exception();
            }
            LOG.log(Level.SEVERE, "Storage " + storage + " failed", e);
            throw UploadRefusal.of(Reason.STORAGE_UNAVAILABLE).exception();
        }
    }

    /**
     * @param failure what reading the client's bytes threw
     * @param admission the admission whose limit applied
     * @return the refusal: over the limit, or a request that broke off or broke the multipart format
     */
    public static UploadRefusedException clientFailed(IOException failure, Admission admission) {
        if (failure instanceof SizeLimitExceededException) {
            return admission.overLimit().exception();
        }
        LOG.info(() -> "An upload stopped before its end: " + failure.getMessage());
        return UploadRefusal.of(Reason.MALFORMED).exception();
    }
}

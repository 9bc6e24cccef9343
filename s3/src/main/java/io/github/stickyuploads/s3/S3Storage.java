package io.github.stickyuploads.s3;

import io.github.stickyuploads.config.InvalidConfigurationException;
import io.github.stickyuploads.s3.internal.Bucket;
import io.github.stickyuploads.s3.internal.Claims;
import io.github.stickyuploads.s3.internal.Layout;
import io.github.stickyuploads.s3.internal.Purge;
import io.github.stickyuploads.s3.internal.S3Connection;
import io.github.stickyuploads.s3.internal.StreamingWriter;
import io.github.stickyuploads.s3.internal.UploadReader;
import io.github.stickyuploads.s3.internal.UsageListing;
import io.github.stickyuploads.storage.ExpiredUpload;
import io.github.stickyuploads.storage.OwnerUsage;
import io.github.stickyuploads.storage.StoredObject;
import io.github.stickyuploads.storage.UploadContent;
import io.github.stickyuploads.storage.UploadMetadata;
import io.github.stickyuploads.storage.UploadStorage;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.Config;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The {@code s3} storage: uploads in an Amazon S3 bucket or on any S3-compatible service (MinIO, Ceph, Garage...),
 * shared by every server that names the same bucket and prefix. Its settings are the keys of {@link S3Config}; the
 * credentials come from the AWS SDK's default chain only.
 *
 * <h2>Usage</h2>
 * <pre>
 * stickyuploads.storage=s3
 * stickyuploads.s3.bucket=my-app-uploads
 * stickyuploads.secret=...the same base64 key on every server...
 * </pre>
 * with {@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY} (or a role) in each server's environment, and
 * the one dependency {@code io.github.stickyuploads:sticky-uploads-s3} in the application. Outside CDI, e.g. in a
 * test: {@code new S3Storage(S3Config.from(source))}, closed with {@link #close()}.
 *
 * <h2>How it keeps uploads</h2>
 * <ul>
 * <li><b>Streaming with bounded memory.</b> A file goes to S3 as it arrives, through one buffer of
 * {@value #PART_SIZE} bytes per upload: a file that fits it is one PutObject, a larger one a multipart upload in
 * parts of that size, completed at the end. The SDK reads the parts from that buffer, never from a copy. When
 * anything fails (the client goes away, the size limit, S3) the multipart upload is aborted: nothing remains.</li>
 * <li><b>Keys that answer quotas and purges.</b> An upload's key is
 * {@code <prefix><owner-key>/<expiry>-<random>}: the owner key (16 hex digits of the SHA-256 of the owner's name)
 * and the expiry (epoch seconds, in hex) are in the key, so a quota check is one listing of the owner's prefix and
 * a purge lists the prefix and reads the metadata of expired uploads only. File name, owner, type and expiry are
 * also kept as object metadata (the type as the object's {@code Content-Type}), for the purge's report.</li>
 * <li><b>Deleted exactly once.</b> S3's DeleteObject succeeds whether or not the object was there, so it cannot
 * tell several deleting servers which one removed an upload. Whoever deletes (a user's release, or a purge) first
 * creates the upload's <em>claim</em> {@code <prefix>.deleted/<id>} with a conditional PUT
 * ({@code If-None-Match: *}, which Amazon S3 supports since 2024, and which {@link #verify()} checks at startup);
 * S3 lets exactly one such PUT succeed, and only its caller deletes the upload and answers {@code true}. Claims
 * stay for a day, so that a caller who arrives late still loses, and the purge removes them after that.</li>
 * <li>Failures of S3 (unreachable, 5xx, throttled, refused) are {@link IOException}s, answered with 503; S3 has no
 * "full", so this storage never throws {@link io.github.stickyuploads.storage.InsufficientStorageException}.</li>
 * </ul>
 * Give the credentials {@code s3:ListBucket} on the bucket and {@code s3:GetObject}, {@code s3:PutObject},
 * {@code s3:DeleteObject}, {@code s3:AbortMultipartUpload} and {@code s3:ListBucketMultipartUploads} under the prefix
 * (without {@code s3:ListBucket}, S3 answers a missing upload with 403 instead of 404, a failure instead of "gone").
 * The S3 client is built when the storage is first used (an application that selects another storage never touches
 * S3) and closed with the application.
 *
 * @since 0.1
 */
@Named(S3Storage.NAME)
@ApplicationScoped
public class S3Storage implements UploadStorage {

    /**
     * The name that selects this storage ({@code stickyuploads.storage=s3}).
     *
     * @since 0.1
     */
    public static final String NAME = "s3";
    /**
     * The bytes of an upload this storage holds in memory at most: its one buffer, which is also the size of the
     * parts of a multipart upload (S3 wants at least 5 MiB for every part but the last).
     *
     * @since 0.1
     */
    public static final int PART_SIZE = 8 * 1024 * 1024;
    /**
     * How long the claim of a deleted upload is kept: a delete that looked the upload up before it went, and claims
     * it after, must still find the claim.
     *
     * @since 0.1
     */
    public static final Duration CLAIM_LIFETIME = Duration.ofDays(1);
    /**
     * How old an unfinished multipart upload under the prefix must be before a purge aborts it: the remains of a
     * server that died mid-upload, or of an abort that failed. An upload that takes longer than this is aborted too.
     *
     * @since 0.1
     */
    public static final Duration ABANDONED_UPLOAD = Duration.ofHours(1);

    @Inject
    Config config;

    private final List<ExecutionInterceptor> interceptors;
    private volatile Parts parts;
    private volatile S3Connection connection;
    private boolean closed;

    /**
     * For CDI, which reads the settings from the application's MicroProfile Config on first use.
     *
     * @since 0.1
     */
    protected S3Storage() {
        this.interceptors = List.of();
    }

    /**
     * A storage outside CDI, e.g. in a test or in a producer of your own.
     *
     * @param settings the bucket, prefix and service
     * @since 0.1
     */
    public S3Storage(S3Config settings) {
        this(settings, List.of());
    }

    /** For tests that watch or break the requests this storage sends. */
    S3Storage(S3Config settings, List<ExecutionInterceptor> interceptors) {
        this.interceptors = List.copyOf(interceptors);
        this.parts = assemble(Objects.requireNonNull(settings, "settings"));
    }

    // ---- Setup -----------------------------------------------------------------------------------------------

    /** The pieces of this storage, which share the settings and the bucket. */
    private record Parts(S3Config settings, StartupCheck check, StreamingWriter writer, UploadReader reader,
            Claims claims, UsageListing usage, Purge purge) {
    }

    /** @return the pieces; none of them touches S3 before it is asked to */
    private Parts assemble(S3Config settings) {
        Bucket bucket = new Bucket(settings.bucket(), new Layout(settings.prefix()), () -> connection().client());
        Claims claims = new Claims(bucket);
        return new Parts(settings, new StartupCheck(settings, bucket, this::connection),
                new StreamingWriter(bucket, PART_SIZE), new UploadReader(bucket), claims, new UsageListing(bucket),
                new Purge(bucket, claims, CLAIM_LIFETIME, ABANDONED_UPLOAD));
    }

    /**
     * @return the pieces, made when the settings are first needed
     * @throws InvalidConfigurationException if a value cannot be used
     */
    private Parts parts() {
        Parts current = parts;
        if (current == null) {
            synchronized (this) {
                if (parts == null) {
                    parts = assemble(S3Config.from(config));
                }
                current = parts;
            }
        }
        return current;
    }

    /** The connection, opened on first use: an application that selected another storage never opens one. */
    private S3Connection connection() {
        S3Connection open = connection;
        return open != null ? open : connect();
    }

    private synchronized S3Connection connect() {
        if (closed) {
            throw new IllegalStateException("The s3 storage has been closed");
        }
        if (connection == null) {
            S3Config settings = parts().settings();
            connection = S3Connection.open(settings.endpoint(), settings.region(), S3Config.DEFAULT_REGION,
                    settings.pathStyle(), interceptors);
        }
        return connection;
    }

    /**
     * Closes the S3 client, if one was built; called by CDI when the application stops.
     *
     * @since 0.1
     */
    @PreDestroy
    public synchronized void close() {
        closed = true;
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    /**
     * @return true: every server that names the same bucket and prefix shares the uploads
     * @since 0.1
     */
    @Override
    public boolean isSharedBetweenServers() {
        return true;
    }

    /**
     * Checks, while the application starts, that the bucket is there and that this server may write to it: a
     * HeadBucket, then a probe object under the prefix, put twice with {@code If-None-Match: *} (the second put must
     * be refused, or deletes could not be exactly once) and deleted.
     *
     * @throws InvalidConfigurationException naming {@value S3Config#BUCKET} when the bucket does not exist,
     *         {@value S3Config#ENDPOINT} when the service cannot be reached or lacks conditional writes, and
     *         {@code AWS_ACCESS_KEY_ID} (the default credentials chain) when S3 refuses the credentials; with S3's
     *         error code, never a secret
     * @since 0.1
     */
    @Override
    public void verify() {
        parts().check().run();
    }

    // ---- Uploads ---------------------------------------------------------------------------------------------
    // An id this storage did not issue never reaches S3, nor the settings: a forged id names nothing.

    /**
     * Streams an upload into S3 with one buffer of {@value #PART_SIZE} bytes: one PutObject when the whole file fits
     * it, else a multipart upload in parts of that size. On any failure nothing remains: the multipart upload is
     * aborted, and an object that may have been written is deleted.
     *
     * @throws IOException when the content fails (rethrown as it is), or S3 does (503)
     * @since 0.1
     */
    @Override
    public StoredObject store(UploadContent content, UploadMetadata metadata) throws IOException {
        return parts().writer().store(content, metadata);
    }

    /**
     * @return the size of the upload, empty when the id is not one this storage issued or the object is gone
     * @throws IOException when S3 cannot be asked
     * @since 0.1
     */
    @Override
    public OptionalLong size(String id) throws IOException {
        return Layout.isId(id) ? parts().reader().size(id) : OptionalLong.empty();
    }

    /**
     * @return the upload's bytes as S3 sends them, empty when the id is not one this storage issued or the object is
     *         gone
     * @throws IOException when S3 cannot be read
     * @since 0.1
     */
    @Override
    public Optional<InputStream> open(String id) throws IOException {
        return Layout.isId(id) ? parts().reader().open(id) : Optional.empty();
    }

    /**
     * Deletes an upload once: of several callers, on one server or several, exactly one claims it and answers true.
     * A caller that claims after another has deleted the upload finds that caller's claim, which stays for
     * {@link #CLAIM_LIFETIME}, and answers false.
     *
     * @return whether this call removed it
     * @throws IOException when S3 cannot be changed
     * @since 0.1
     */
    @Override
    public boolean delete(String id) throws IOException {
        return Layout.isId(id) && parts().claims().delete(id);
    }

    // ---- Quotas and purges -----------------------------------------------------------------------------------

    /**
     * Counts the owner's uploads that have not expired: one listing of the owner's prefix (one request per 1,000
     * uploads), no HEAD.
     *
     * @throws IOException when S3 cannot be listed
     * @since 0.1
     */
    @Override
    public Optional<OwnerUsage> usage(String owner, Instant now) throws IOException {
        return Optional.of(parts().usage().usage(owner, now));
    }

    /**
     * Lists the prefix once and removes what expired: each expired upload is claimed like a delete (so that of
     * several purging servers one reports it), its metadata read with a HEAD, and deleted. Also removes claims older
     * than {@link #CLAIM_LIFETIME}, probes left by a startup check that stopped half-way, and aborts multipart uploads
     * older than {@link #ABANDONED_UPLOAD}. A failure on one upload is logged and the purge goes on, so that what it
     * removed is always reported.
     *
     * @throws IOException when S3 cannot be listed
     * @since 0.1
     */
    @Override
    public List<ExpiredUpload> purgeExpired(Instant now) throws IOException {
        return parts().purge().purgeExpired(now);
    }
}

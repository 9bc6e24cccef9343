package io.github.stickyuploads.s3;

import io.github.stickyuploads.config.InvalidConfigurationException;
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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

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

    private static final Logger LOG = Logger.getLogger("io.github.stickyuploads.s3");
    /** S3's limit of parts per multipart upload: with 8 MiB parts, uploads of up to 78 GiB. */
    private static final int MAX_PARTS = 10_000;
    /** A claim older than this whose upload is still there was left by a deleter that failed half-way. */
    private static final Duration ABANDONED_CLAIM = Duration.ofMinutes(10);
    /** DeleteObjects takes at most 1,000 keys. */
    private static final int DELETE_BATCH = 1_000;
    /** Where the SDK's default chain looks for credentials, for the startup check's messages. */
    private static final String CREDENTIALS_CHAIN = "the AWS SDK's default credentials chain (the system properties "
            + "aws.accessKeyId and aws.secretAccessKey, the environment variables AWS_ACCESS_KEY_ID and "
            + "AWS_SECRET_ACCESS_KEY, web identity, ~/.aws/credentials, or the container's or instance's role)";
    private static final String CREDENTIALS_KEY = "AWS_ACCESS_KEY_ID";

    @Inject
    Config config;

    private final List<ExecutionInterceptor> interceptors;
    private volatile S3Config settings;
    private volatile Layout layout;
    private volatile S3Client client;
    private DefaultCredentialsProvider credentials;
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
        this.settings = Objects.requireNonNull(settings, "settings");
        this.layout = new Layout(settings.prefix());
        this.interceptors = List.copyOf(interceptors);
    }

    // ---- Setup -----------------------------------------------------------------------------------------------

    /**
     * @return the settings, read on first use
     * @throws InvalidConfigurationException if a value cannot be used
     */
    private S3Config settings() {
        S3Config current = settings;
        if (current == null) {
            synchronized (this) {
                if (settings == null) {
                    S3Config read = S3Config.from(config);
                    layout = new Layout(read.prefix());
                    settings = read;
                }
                current = settings;
            }
        }
        return current;
    }

    private Layout layout() {
        settings();
        return layout;
    }

    private String bucket() {
        return settings().bucket();
    }

    /** The client, built on first use: an application that selected another storage never builds one. */
    private S3Client client() {
        S3Client built = client;
        return built != null ? built : buildClient();
    }

    private synchronized S3Client buildClient() {
        if (closed) {
            throw new IllegalStateException("The s3 storage has been closed");
        }
        if (client == null) {
            S3Config current = settings();
            credentials = DefaultCredentialsProvider.builder().build();
            S3ClientBuilder builder = S3Client.builder()
                    // Always this client, explicitly: the SDK would otherwise pick whichever HTTP client it finds first
                    // on the class path, and silently prefer Apache's should the application bring one.
                    .httpClientBuilder(UrlConnectionHttpClient.builder()
                            .connectionTimeout(Duration.ofSeconds(5))
                            .socketTimeout(Duration.ofSeconds(30)))
                    .credentialsProvider(credentials)
                    .region(region(current))
                    .forcePathStyle(current.pathStyle())
                    // No CRC32 trailers or aws-chunked bodies that many S3-compatible services refuse: only where an
                    // operation requires a checksum (DeleteObjects).
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                    .overrideConfiguration(override -> override
                            // One attempt carries at most one part, so a minute is plenty; retries included, five.
                            .apiCallAttemptTimeout(Duration.ofSeconds(60))
                            .apiCallTimeout(Duration.ofMinutes(5))
                            .retryStrategy(retry -> retry.maxAttempts(3))
                            .executionInterceptors(interceptors));
            current.endpoint().ifPresent(builder::endpointOverride);
            try {
                client = builder.build();
            } catch (RuntimeException e) {
                credentials.close();
                credentials = null;
                throw e;
            }
        }
        return client;
    }

    /** The configured region, else the SDK's default chain, else us-east-1 (which every S3-compatible service takes). */
    private static Region region(S3Config settings) {
        if (settings.region().isPresent()) {
            return Region.of(settings.region().get());
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException noRegion) {
            return Region.of(S3Config.DEFAULT_REGION);
        }
    }

    /**
     * Closes the S3 client, if one was built; called by CDI when the application stops.
     *
     * @since 0.1
     */
    @PreDestroy
    public synchronized void close() {
        closed = true;
        if (client != null) {
            client.close();
            client = null;
        }
        if (credentials != null) {
            credentials.close();
            credentials = null;
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
        S3Config current = settings();
        S3Client s3 = client();
        try {
            s3.headBucket(b -> b.bucket(current.bucket()));
        } catch (RuntimeException e) {
            throw startupFailure("HeadBucket", e, s3);
        }
        String probe = layout().newProbeKey();
        try {
            putIfAbsent(s3, probe, Map.of());
            boolean secondPutRefused;
            try {
                putIfAbsent(s3, probe, Map.of());
                secondPutRefused = false;
            } catch (AwsServiceException e) {
                if (e.statusCode() != 412) {
                    throw e;
                }
                secondPutRefused = true;
            }
            s3.deleteObject(b -> b.bucket(current.bucket()).key(probe));
            if (!secondPutRefused) {
                throw new InvalidConfigurationException(S3Config.ENDPOINT, "the S3 service at " + where(current)
                        + " ignores conditional writes (If-None-Match: *): a second put of the probe object " + probe
                        + " succeeded; the s3 storage needs them so that an upload is deleted exactly once");
            }
        } catch (InvalidConfigurationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw startupFailure("PutObject/DeleteObject of the probe " + probe, e, s3);
        }
        LOG.info(() -> "The s3 storage is ready: " + current);
    }

    /** Turns what the startup check met into a message that names the key to fix, and S3's code. */
    private InvalidConfigurationException startupFailure(String operation, RuntimeException e, S3Client s3) {
        S3Config current = settings();
        String where = where(current);
        if (e instanceof NoSuchBucketException || (e instanceof AwsServiceException service && service.statusCode() == 404
                && operation.equals("HeadBucket"))) {
            return new InvalidConfigurationException(S3Config.BUCKET, "the bucket '" + current.bucket()
                    + "' does not exist at " + where + " (" + operation + ": " + code(e) + ")");
        }
        if (e instanceof AwsServiceException service) {
            int status = service.statusCode();
            String code = code(e);
            if (status == 403 && code.startsWith("403") && operation.equals("HeadBucket")) {
                code = errorCodeOfAList(s3, current).orElse(code); // a HEAD answer has no body, so no code: ask once more
            }
            if (status == 403) {
                return new InvalidConfigurationException(CREDENTIALS_KEY, "S3 at " + where + " refused the credentials"
                        + accessKey() + " for the bucket '" + current.bucket() + "' (" + operation + ": " + code
                        + "); they come from " + CREDENTIALS_CHAIN + ", and need s3:ListBucket on the bucket and "
                        + "s3:GetObject, s3:PutObject, s3:DeleteObject, s3:AbortMultipartUpload and "
                        + "s3:ListBucketMultipartUploads under the prefix '" + current.prefix() + "'");
            }
            if (status == 301 || status == 307 || "AuthorizationHeaderMalformed".equals(code)) {
                return new InvalidConfigurationException(S3Config.REGION, "the bucket '" + current.bucket()
                        + "' is not in the region this storage used at " + where + " (" + operation + ": " + code
                        + "); set " + S3Config.REGION + " to the bucket's region");
            }
            if (status == 501 || "NotImplemented".equals(code)) {
                return new InvalidConfigurationException(S3Config.ENDPOINT, "the S3 service at " + where
                        + " lacks an operation the s3 storage needs (" + operation + ": " + code
                        + "); it needs conditional writes (PutObject with If-None-Match: *) and multipart uploads");
            }
            return new InvalidConfigurationException(S3Config.ENDPOINT, "the S3 service at " + where
                    + " failed the startup check (" + operation + ": " + code + ")");
        }
        if (e instanceof SdkClientException && !isUnreachable(e) && String.valueOf(e.getMessage()).contains("credentials")) {
            return new InvalidConfigurationException(CREDENTIALS_KEY, "no AWS credentials were found in "
                    + CREDENTIALS_CHAIN + " (" + operation + ")");
        }
        return new InvalidConfigurationException(S3Config.ENDPOINT, "cannot reach the S3 service at " + where + " ("
                + operation + ": " + e.getMessage() + "); check " + S3Config.ENDPOINT + " and " + S3Config.REGION);
    }

    private Optional<String> errorCodeOfAList(S3Client s3, S3Config current) {
        try {
            s3.listObjectsV2(b -> b.bucket(current.bucket()).prefix(current.prefix()).maxKeys(1));
            return Optional.empty();
        } catch (AwsServiceException e) {
            return Optional.of(code(e));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The access key id of the credentials in use (not a secret: S3 names it in its own errors). */
    private String accessKey() {
        try {
            return " of the access key " + credentials.resolveCredentials().accessKeyId();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String where(S3Config settings) {
        return settings.endpoint().map(URI::toString).orElse("Amazon S3")
                + settings.region().map(region -> " (region " + region + ")").orElse("");
    }

    // ---- Store -----------------------------------------------------------------------------------------------

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
        S3Client s3 = client();
        String id = Layout.newId(metadata.owner(), metadata.expires());
        String key = layout().uploadKey(id);
        Map<String, String> objectMetadata = Layout.metadataOf(metadata);
        byte[] buffer = new byte[PART_SIZE];
        int length = content.readNBytes(buffer, 0, PART_SIZE);
        int next = length == PART_SIZE ? content.read() : -1;
        if (next < 0) {
            putWhole(s3, key, metadata.contentType(), objectMetadata, buffer, length, content);
        } else {
            putInParts(s3, key, metadata.contentType(), objectMetadata, buffer, length, next, content);
        }
        return new StoredObject(id);
    }

    /** The whole upload is in the buffer and the content at its end: one PutObject. */
    private void putWhole(S3Client s3, String key, String contentType, Map<String, String> metadata, byte[] buffer,
            int length, UploadContent content) throws IOException {
        requireSize(content, length);
        try {
            s3.putObject(b -> b.bucket(bucket()).key(key).contentType(contentType).metadata(metadata)
                    .contentLength((long) length), body(buffer, length, contentType));
        } catch (RuntimeException e) {
            // An answer lost on the way may hide a put that succeeded: nobody knows this key, so delete it to be sure.
            IOException failure = failure("store an upload", e);
            deleteQuietly(s3, key, failure);
            throw failure;
        }
    }

    /**
     * A multipart upload from the one buffer: each part is uploaded before the next is read into the same array, and
     * the sync client returns only when S3 has answered, so the SDK never reads a buffer that is being refilled (it
     * reads it twice over plain http, once for the SigV4 payload hash and once to send it, and again on a retry).
     */
    private void putInParts(S3Client s3, String key, String contentType, Map<String, String> metadata, byte[] buffer,
            int firstLength, int next, UploadContent content) throws IOException {
        String uploadId;
        try {
            uploadId = s3.createMultipartUpload(b -> b.bucket(bucket()).key(key).contentType(contentType)
                    .metadata(metadata)).uploadId();
        } catch (RuntimeException e) {
            throw failure("start a multipart upload", e);
        }
        boolean completing = false;
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int length = firstLength;
            long sent = 0;
            while (true) {
                int number = parts.size() + 1;
                if (number > MAX_PARTS) {
                    throw new IOException("An upload may have at most " + MAX_PARTS + " parts of " + PART_SIZE + " bytes");
                }
                int partLength = length;
                String eTag = s3.uploadPart(b -> b.bucket(bucket()).key(key).uploadId(uploadId).partNumber(number)
                        .contentLength((long) partLength), body(buffer, partLength, "application/octet-stream")).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(eTag).build());
                sent += partLength;
                if (next < 0) {
                    break;
                }
                buffer[0] = (byte) next;
                length = 1 + content.readNBytes(buffer, 1, PART_SIZE - 1);
                next = length == PART_SIZE ? content.read() : -1;
            }
            requireSize(content, sent);
            completing = true;
            s3.completeMultipartUpload(b -> b.bucket(bucket()).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (IOException | RuntimeException | Error e) {
            IOException failure = e instanceof RuntimeException runtime ? failure("store an upload", runtime) : null;
            Throwable thrown = failure != null ? failure : e;
            abandon(s3, key, uploadId, completing, thrown);
            if (failure != null) {
                throw failure;
            }
            throw e;
        }
    }

    /** The library measured the content; the storage must have stored exactly that many bytes. */
    private static void requireSize(UploadContent content, long stored) throws IOException {
        if (content.size() != stored) {
            throw new IOException("The s3 storage read " + stored + " bytes of an upload of " + content.size());
        }
    }

    /**
     * Leaves nothing of a failed multipart upload: aborts it, and deletes the object when the failure came during
     * CompleteMultipartUpload (it may have completed). The thread's interrupt, if that was the failure, is put aside
     * meanwhile: the SDK would refuse to send the abort.
     */
    private void abandon(S3Client s3, String key, String uploadId, boolean mayHaveCompleted, Throwable failure) {
        boolean interrupted = Thread.interrupted();
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket()).key(key).uploadId(uploadId));
        } catch (NoSuchUploadException alreadyGone) {
            // Completed after all, or aborted by a purge.
        } catch (RuntimeException e) {
            failure.addSuppressed(e); // the purge aborts it after ABANDONED_UPLOAD
        } finally {
            if (mayHaveCompleted) {
                deleteQuietly(s3, key, failure);
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void deleteQuietly(S3Client s3, String key, Throwable failure) {
        boolean interrupted = Thread.interrupted();
        try {
            s3.deleteObject(b -> b.bucket(bucket()).key(key));
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The first {@code length} bytes of the buffer, without a copy; every stream the SDK asks for reads them anew. */
    private static RequestBody body(byte[] buffer, int length, String contentType) {
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, length), length, contentType);
    }

    // ---- Read ------------------------------------------------------------------------------------------------

    /**
     * @return the size of the upload, empty when the id is not one this storage issued or the object is gone
     * @throws IOException when S3 cannot be asked
     * @since 0.1
     */
    @Override
    public OptionalLong size(String id) throws IOException {
        if (!Layout.isId(id)) {
            return OptionalLong.empty();
        }
        try {
            return head(client(), layout().uploadKey(id)).map(head -> OptionalLong.of(head.contentLength()))
                    .orElse(OptionalLong.empty());
        } catch (RuntimeException e) {
            throw failure("read an upload's size", e);
        }
    }

    /**
     * @return the upload's bytes as S3 sends them, empty when the id is not one this storage issued or the object is
     *         gone
     * @throws IOException when S3 cannot be read
     * @since 0.1
     */
    @Override
    public Optional<InputStream> open(String id) throws IOException {
        if (!Layout.isId(id)) {
            return Optional.empty();
        }
        try {
            return Optional.of(client().getObject(b -> b.bucket(bucket()).key(layout().uploadKey(id))));
        } catch (NoSuchKeyException gone) {
            return Optional.empty();
        } catch (AwsServiceException e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw failure("read an upload", e);
        } catch (RuntimeException e) {
            throw failure("read an upload", e);
        }
    }

    private Optional<HeadObjectResponse> head(S3Client s3, String key) {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(bucket()).key(key)));
        } catch (NoSuchKeyException gone) {
            return Optional.empty();
        } catch (AwsServiceException e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    // ---- Delete ----------------------------------------------------------------------------------------------

    /**
     * Deletes an upload once: of several callers, on one server or several, exactly one claims it and answers true.
     *
     * <p>Why this is exactly once, whatever the interleaving (every remover of an upload, a delete or a purge, goes
     * through the same claim, and nothing else ever deletes an upload that has no old claim):
     * <ul>
     * <li>Two callers that both saw the upload both try to create its claim; S3 lets one conditional PUT succeed and
     * answers the other 412, so one deletes and answers true, the other answers false.</li>
     * <li>A caller that looks after the upload is gone answers false without a claim.</li>
     * <li>A caller that looked while the upload was still there but claims after it is gone finds the winner's claim
     * (kept for {@link #CLAIM_LIFETIME}, far longer than one call can take) and answers false. Were claims deleted at
     * once, this caller would win a second time: the reason they stay.</li>
     * <li>A winner whose DeleteObject fails gives the claim back and throws: nobody answered true, and the upload
     * is still there for the next caller.</li>
     * </ul>
     *
     * @return whether this call removed it
     * @throws IOException when S3 cannot be changed
     * @since 0.1
     */
    @Override
    public boolean delete(String id) throws IOException {
        if (!Layout.isId(id)) {
            return false;
        }
        S3Client s3 = client();
        String key = layout().uploadKey(id);
        try {
            // Look first, so that an id that names nothing (forged, or long deleted) leaves no claim behind. Between
            // this look and the claim another caller may delete the upload; its claim is still there then (claims live
            // for CLAIM_LIFETIME), so this caller's claim fails and it answers false.
            if (head(s3, key).isEmpty()) {
                return false;
            }
            if (!claim(s3, id)) {
                return false;
            }
            deleteClaimed(s3, id, key);
            return true;
        } catch (RuntimeException e) {
            throw failure("delete an upload", e);
        }
    }

    /**
     * Creates the upload's claim; true for the one caller whose PUT created it. The claim carries a random token, so
     * that a caller whose PUT succeeded but whose answer was lost (the SDK then retries, and the retry meets its own
     * claim: 412) still knows that it won, and nobody else may think so.
     */
    private boolean claim(S3Client s3, String id) {
        String token = Layout.newRandom();
        String claimKey = layout().claimKey(id);
        for (int attempt = 1; ; attempt++) {
            try {
                putIfAbsent(s3, claimKey, Map.of(Layout.META_CLAIM, token));
                return true;
            } catch (AwsServiceException e) {
                if (e.statusCode() == 412) {
                    return head(s3, claimKey).map(head -> token.equals(head.metadata().get(Layout.META_CLAIM))).orElse(false);
                }
                // 409 ConditionalRequestConflict: Amazon S3 was writing another PUT of the same key; one of them wins,
                // so ask again until the answer is 200 or 412.
                if (e.statusCode() != 409 || attempt == 5) {
                    throw e;
                }
                pause(attempt * 50L);
            }
        }
    }

    /** Deletes a claimed upload; should that fail, gives the claim back, so that a later delete can win it. */
    private void deleteClaimed(S3Client s3, String id, String key) {
        try {
            s3.deleteObject(b -> b.bucket(bucket()).key(key));
        } catch (RuntimeException e) {
            // Giving the claim back is safe: nobody answered true, and whoever looks next either finds the upload
            // (and may claim it) or does not (and answers false).
            deleteQuietly(s3, layout().claimKey(id), e);
            throw e;
        }
    }

    private void putIfAbsent(S3Client s3, String key, Map<String, String> metadata) {
        s3.putObject(b -> b.bucket(bucket()).key(key).ifNoneMatch("*").metadata(metadata).contentLength(0L),
                RequestBody.empty());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SdkClientException.create("Interrupted while waiting to claim an upload", e);
        }
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
        Layout keys = layout();
        long files = 0;
        long bytes = 0;
        try {
            for (S3Object object : client().listObjectsV2Paginator(b -> b.bucket(bucket()).prefix(keys.ownerPrefix(owner)))
                    .contents()) {
                Optional<String> id = keys.idOfUploadKey(object.key());
                if (id.isPresent() && !Layout.expires(id.get()).isBefore(now)) {
                    files++;
                    bytes += Objects.requireNonNullElse(object.size(), 0L);
                }
            }
        } catch (RuntimeException e) {
            throw failure("count a user's uploads", e);
        }
        return Optional.of(new OwnerUsage(files, bytes));
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
        S3Client s3 = client();
        Layout keys = layout();
        List<S3Object> expired = new ArrayList<>();
        Map<String, Instant> claims = new HashMap<>();
        List<String> stale = new ArrayList<>();
        try {
            for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket()).prefix(keys.prefix())).contents()) {
                String key = object.key();
                Optional<String> id = keys.idOfUploadKey(key);
                if (id.isPresent()) {
                    if (Layout.expires(id.get()).isBefore(now)) {
                        expired.add(object);
                    }
                    continue;
                }
                Optional<String> claimed = keys.idOfClaimKey(key);
                Instant modified = Objects.requireNonNullElse(object.lastModified(), now);
                if (claimed.isPresent()) {
                    claims.put(claimed.get(), modified);
                    if (modified.isBefore(now.minus(CLAIM_LIFETIME))) {
                        stale.add(key);
                    }
                } else if (keys.isProbeKey(key) && modified.isBefore(now.minus(ABANDONED_UPLOAD))) {
                    stale.add(key);
                }
            }
        } catch (RuntimeException e) {
            throw failure("list uploads to purge", e);
        }

        List<ExpiredUpload> purged = new ArrayList<>();
        for (S3Object object : expired) {
            String id = keys.idOfUploadKey(object.key()).orElseThrow();
            try {
                Instant claimedAt = claims.get(id);
                if (claimedAt != null) {
                    // Someone is deleting it. If that began long ago, the deleter failed half-way (and could not give
                    // the claim back): remove the upload, without reporting it, since the claim is the deleter's.
                    if (claimedAt.isBefore(now.minus(ABANDONED_CLAIM))) {
                        s3.deleteObject(b -> b.bucket(bucket()).key(object.key()));
                    }
                    continue;
                }
                Optional<HeadObjectResponse> head = head(s3, object.key());
                if (head.isEmpty() || !claim(s3, id)) {
                    continue; // deleted or purged by another caller since the listing
                }
                deleteClaimed(s3, id, object.key());
                Optional<UploadMetadata> metadata = Layout.uploadMetadata(head.get().metadata());
                if (metadata.isPresent()) {
                    purged.add(new ExpiredUpload(id, metadata.get(), head.get().contentLength()));
                } else {
                    LOG.warning(() -> "Purged " + object.key() + ", whose metadata is not the s3 storage's");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not purge the expired upload " + object.key() + ": " + e.getMessage(), e);
            }
        }

        deleteAll(s3, stale);
        abortAbandonedUploads(s3, keys, now.minus(ABANDONED_UPLOAD));
        return purged;
    }

    private void deleteAll(S3Client s3, List<String> keys) {
        for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH)).stream()
                    .map(key -> ObjectIdentifier.builder().key(key).build()).toList();
            try {
                s3.deleteObjects(b -> b.bucket(bucket()).delete(d -> d.objects(batch).quiet(true)));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not delete " + batch.size() + " old claims and probes: " + e.getMessage(), e);
            }
        }
    }

    private void abortAbandonedUploads(S3Client s3, Layout keys, Instant before) {
        try {
            for (MultipartUpload upload : s3.listMultipartUploadsPaginator(b -> b.bucket(bucket()).prefix(keys.prefix()))
                    .uploads()) {
                if (upload.initiated() != null && upload.initiated().isBefore(before)) {
                    try {
                        s3.abortMultipartUpload(b -> b.bucket(bucket()).key(upload.key()).uploadId(upload.uploadId()));
                    } catch (NoSuchUploadException alreadyGone) {
                        // Another server's purge, or the upload's own abort.
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not abort abandoned multipart uploads: " + e.getMessage(), e);
        }
    }

    // ---- Failures --------------------------------------------------------------------------------------------

    /** Any failure of S3 or of the way to it, as the IOException the library answers with 503. */
    private static IOException failure(String action, RuntimeException e) {
        if (e instanceof InvalidConfigurationException invalid) {
            throw invalid;
        }
        if (e instanceof AwsServiceException service) {
            return new IOException("S3 could not " + action + " (" + code(service) + "): " + service.getMessage(), e);
        }
        if (e instanceof SdkException) {
            return new IOException("Could not " + action + " in S3: " + e.getMessage(), e);
        }
        return new IOException("Could not " + action + " in S3: " + e, e);
    }

    /** @return "status code", e.g. "404 NoSuchBucket"; HEAD answers have no code */
    private static String code(RuntimeException e) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            return service.statusCode() + (code == null || code.isBlank() ? "" : " " + code);
        }
        return e.getClass().getSimpleName();
    }

    private static boolean isUnreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.SocketException || cause instanceof java.net.SocketTimeoutException
                    || cause instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }
}

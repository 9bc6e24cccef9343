package io.github.stickyuploads.s3.internal;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * The AWS SDK's S3 client, configured conservatively so that the stricter S3-compatible services work too, and the
 * credentials provider it was given: the provider holds resources of its own (it refreshes container and instance
 * credentials), so both close together.
 */
public final class S3Connection implements AutoCloseable {

    private final S3Client client;
    private final DefaultCredentialsProvider credentials;

    private S3Connection(S3Client client, DefaultCredentialsProvider credentials) {
        this.client = client;
        this.credentials = credentials;
    }

    /**
     * Builds the client, with credentials from the SDK's default chain only: no secret is ever in the settings.
     *
     * @param endpoint an S3-compatible service, empty for Amazon S3
     * @param region the configured region, empty to ask the SDK's default chain
     * @param fallbackRegion the region when the default chain names none
     * @param pathStyle whether the bucket goes in the path rather than in the host name
     * @param interceptors what tests watch or break the requests with
     * @return the open connection
     */
    public static S3Connection open(Optional<URI> endpoint, Optional<String> region, String fallbackRegion,
            boolean pathStyle, List<ExecutionInterceptor> interceptors) {
        Region resolved = region.map(Region::of).orElseGet(() -> defaultRegion(fallbackRegion));
        DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        try {
            S3ClientBuilder builder = S3Client.builder()
                    // Always this client, explicitly: the SDK would otherwise pick whichever HTTP client it finds first
                    // on the class path, and silently prefer Apache's should the application bring one.
                    .httpClientBuilder(UrlConnectionHttpClient.builder()
                            .connectionTimeout(Duration.ofSeconds(5))
                            .socketTimeout(Duration.ofSeconds(30)))
                    .credentialsProvider(credentials)
                    .region(resolved)
                    .forcePathStyle(pathStyle)
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
            endpoint.ifPresent(builder::endpointOverride);
            return new S3Connection(builder.build(), credentials);
        } catch (RuntimeException e) {
            credentials.close();
            throw e;
        }
    }

    /** The SDK's default chain, else the fallback (us-east-1, which every S3-compatible service takes). */
    private static Region defaultRegion(String fallbackRegion) {
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException noRegion) {
            return Region.of(fallbackRegion);
        }
    }

    /** @return the client */
    public S3Client client() {
        return client;
    }

    /** @return the access key id of the credentials in use (not a secret: S3 names it in its own errors), if any */
    public Optional<String> accessKeyId() {
        try {
            return Optional.of(credentials.resolveCredentials().accessKeyId());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        client.close();
        credentials.close();
    }
}

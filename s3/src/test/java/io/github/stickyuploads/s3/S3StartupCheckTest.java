package io.github.stickyuploads.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stickyuploads.config.InvalidConfigurationException;
import io.github.stickyuploads.s3.testing.RequestLog;
import io.github.stickyuploads.s3.testing.S3ProxyServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/** verify(): what stops the deployment, and what the message says. */
class S3StartupCheckTest {

    private static S3ProxyServer server;

    @BeforeAll
    static void startS3() {
        server = S3ProxyServer.start();
        server.createBucket("present");
    }

    @AfterAll
    static void stopS3() {
        server.close();
    }

    private static S3Config config(String bucket, String endpoint) {
        Map<String, String> values = new HashMap<>(Map.of(S3Config.BUCKET, bucket, S3Config.ENDPOINT, endpoint,
                S3Config.REGION, "us-east-1", S3Config.PATH_STYLE, "true"));
        return S3Config.from(key -> Optional.ofNullable(values.get(key)));
    }

    private static InvalidConfigurationException verifyFails(S3Config config) {
        S3Storage storage = new S3Storage(config);
        try {
            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, storage::verify);
            System.out.println("[verify] " + e.getMessage());
            return e;
        } finally {
            storage.close();
        }
    }

    @Test
    void aGoodSetupPassesAndLeavesNoProbe() {
        RequestLog requests = new RequestLog();
        S3Storage storage = new S3Storage(config("present", server.endpoint().toString()), List.of(requests));
        try {
            storage.verify();
        } finally {
            storage.close();
        }
        assertEquals(List.of("HeadBucket", "PutObject", "PutObject", "DeleteObject"), requests.operations());
        assertEquals(List.of(), server.keys("present"));
        assertEquals(List.of(), server.leftovers("present", "-"));
    }

    /** A service without conditional writes, as S3 was before 2024: the request reaches it without If-None-Match. */
    @Test
    void aServiceThatIgnoresConditionalWritesNamesTheEndpointKeyAndLeavesNoProbe() {
        ExecutionInterceptor ignoresIfNoneMatch = new ExecutionInterceptor() {
            @Override
            public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
                return context.httpRequest().toBuilder().removeHeader("If-None-Match").build();
            }
        };
        S3Storage storage = new S3Storage(config("present", server.endpoint().toString()), List.of(ignoresIfNoneMatch));
        try {
            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, storage::verify);
            assertTrue(e.getMessage().startsWith("Invalid configuration stickyuploads.s3.endpoint: the S3 service at "),
                    e.getMessage());
            assertTrue(e.getMessage().contains("ignores conditional writes (If-None-Match: *)"), e.getMessage());
        } finally {
            storage.close();
        }
        assertEquals(List.of(), server.leftovers("present", "-"), "the probe was deleted");
    }

    @Test
    void aMissingBucketNamesTheBucketKey() {
        InvalidConfigurationException e = verifyFails(config("absent", server.endpoint().toString()));
        assertTrue(e.getMessage().startsWith("Invalid configuration stickyuploads.s3.bucket: the bucket 'absent' does not exist"),
                e.getMessage());
        assertTrue(e.getMessage().contains("404 NoSuchBucket"), e.getMessage());
    }

    @Test
    void anUnreachableServiceNamesTheEndpointKey() {
        String nothingThere = "http://127.0.0.1:" + S3ProxyServer.freePort();
        InvalidConfigurationException e = verifyFails(config("present", nothingThere));
        assertTrue(e.getMessage().startsWith("Invalid configuration stickyuploads.s3.endpoint: cannot reach the S3 service at "
                + nothingThere), e.getMessage());
        assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
    }

    @Test
    void aWrongSecretNamesTheCredentialsAndTheCodeButNoSecret() {
        String wrong = "not-the-secret-" + System.nanoTime();
        InvalidConfigurationException e = withCredentials(S3ProxyServer.identity(), wrong,
                () -> verifyFails(config("present", server.endpoint().toString())));
        assertTrue(e.getMessage().startsWith("Invalid configuration AWS_ACCESS_KEY_ID: S3 at " + server.endpoint()
                + " (region us-east-1) refused the credentials of the access key " + S3ProxyServer.identity()), e.getMessage());
        assertTrue(e.getMessage().contains("403 SignatureDoesNotMatch"), e.getMessage());
        assertTrue(e.getMessage().contains("AWS_SECRET_ACCESS_KEY"), "says where credentials come from: " + e.getMessage());
        assertFalse(e.getMessage().contains(wrong), e.getMessage());
        assertFalse(e.getMessage().contains(S3ProxyServer.credential()), e.getMessage());
    }

    @Test
    void anUnknownAccessKeyNamesTheCredentialsAndTheCode() {
        InvalidConfigurationException e = withCredentials("AKIAUNKNOWN", S3ProxyServer.credential(),
                () -> verifyFails(config("present", server.endpoint().toString())));
        assertTrue(e.getMessage().startsWith("Invalid configuration AWS_ACCESS_KEY_ID: "), e.getMessage());
        assertTrue(e.getMessage().contains("403 InvalidAccessKeyId"), e.getMessage());
    }

    @Test
    void noCredentialsAtAllNamesTheChain() {
        InvalidConfigurationException e = withCredentials(null, null,
                () -> verifyFails(config("present", server.endpoint().toString())));
        assertTrue(e.getMessage().startsWith("Invalid configuration AWS_ACCESS_KEY_ID: no AWS credentials were found"),
                e.getMessage());
    }

    @Test
    void aMissingBucketSettingStopsTheDeploymentOfTheCdiBean() {
        S3Storage storage = new S3Storage(); // as CDI makes it: the settings are read on first use
        storage.config = (org.eclipse.microprofile.config.Config) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {org.eclipse.microprofile.config.Config.class},
                (proxy, method, arguments) -> method.getName().equals("getOptionalValue") ? Optional.empty() : null);
        assertTrue(storage.isSharedBetweenServers(), "answered without the settings");
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, storage::verify);
        assertTrue(e.getMessage().startsWith("Invalid configuration stickyuploads.s3.bucket: name the bucket"), e.getMessage());
        storage.close();
    }

    /** The SDK's default chain reads these system properties (of this JVM) on every resolution. */
    private static <T> T withCredentials(String accessKey, String secret, java.util.function.Supplier<T> during) {
        String oldKey = System.getProperty("aws.accessKeyId");
        String oldSecret = System.getProperty("aws.secretAccessKey");
        set("aws.accessKeyId", accessKey);
        set("aws.secretAccessKey", secret);
        try {
            return during.get();
        } finally {
            set("aws.accessKeyId", oldKey);
            set("aws.secretAccessKey", oldSecret);
        }
    }

    private static void set(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }
}

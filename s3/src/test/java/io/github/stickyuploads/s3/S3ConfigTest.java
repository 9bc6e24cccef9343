package io.github.stickyuploads.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stickyuploads.config.InvalidConfigurationException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class S3ConfigTest {

    private static S3Config config(Map<String, String> values) {
        return S3Config.from(key -> Optional.ofNullable(values.get(key)));
    }

    private static void assertInvalid(String key, String fragment, Map<String, String> values) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> config(values));
        assertTrue(e.getMessage().startsWith("Invalid configuration " + key + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void theBucketIsRequiredAndTheRestHasDefaults() {
        assertInvalid(S3Config.BUCKET, "name the bucket", Map.of());
        assertInvalid(S3Config.BUCKET, "name the bucket", Map.of(S3Config.BUCKET, "  "));

        S3Config config = config(Map.of(S3Config.BUCKET, "uploads"));
        assertEquals("uploads", config.bucket());
        assertEquals("sticky-uploads/", config.prefix());
        assertEquals(Optional.empty(), config.endpoint());
        assertEquals(Optional.empty(), config.region());
        assertFalse(config.pathStyle());
    }

    @Test
    void readsEveryKey() {
        S3Config config = config(Map.of(S3Config.BUCKET, " uploads ", S3Config.PREFIX, "apps/jobs/", S3Config.ENDPOINT,
                "https://minio.internal:9000", S3Config.REGION, "eu-central-1", S3Config.PATH_STYLE, "TRUE"));
        assertEquals("uploads", config.bucket());
        assertEquals("apps/jobs/", config.prefix());
        assertEquals(Optional.of(URI.create("https://minio.internal:9000")), config.endpoint());
        assertEquals(Optional.of("eu-central-1"), config.region());
        assertTrue(config.pathStyle());
        assertEquals("", config(Map.of(S3Config.BUCKET, "b", S3Config.PREFIX, "")).prefix(), "the whole bucket");
    }

    @Test
    void refusesWhatItCannotUse() {
        assertInvalid(S3Config.BUCKET, "not a bucket name", Map.of(S3Config.BUCKET, "my bucket/x"));
        assertInvalid(S3Config.PREFIX, "end in '/'", Map.of(S3Config.BUCKET, "b", S3Config.PREFIX, "uploads"));
        assertInvalid(S3Config.PREFIX, "end in '/'", Map.of(S3Config.BUCKET, "b", S3Config.PREFIX, "/uploads/"));
        assertInvalid(S3Config.PREFIX, "end in '/'", Map.of(S3Config.BUCKET, "b", S3Config.PREFIX, "a//b/"));
        assertInvalid(S3Config.ENDPOINT, "not the URL", Map.of(S3Config.BUCKET, "b", S3Config.ENDPOINT, "minio:9000"));
        assertInvalid(S3Config.ENDPOINT, "not the URL", Map.of(S3Config.BUCKET, "b", S3Config.ENDPOINT, "ftp://host/"));
        assertInvalid(S3Config.ENDPOINT, "not the URL", Map.of(S3Config.BUCKET, "b", S3Config.ENDPOINT, "http://u:p@host/"));
        assertInvalid(S3Config.REGION, "not a region", Map.of(S3Config.BUCKET, "b", S3Config.REGION, "EU Central"));
        assertInvalid(S3Config.PATH_STYLE, "true or false", Map.of(S3Config.BUCKET, "b", S3Config.PATH_STYLE, "yes"));
    }

    @Test
    void aMessageNeverCarriesAUserOrPasswordOfTheEndpoint() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> config(Map.of(S3Config.BUCKET, "b", S3Config.ENDPOINT, "http://key:secret@host/")));
        assertTrue(e.getMessage().contains("no user"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }
}

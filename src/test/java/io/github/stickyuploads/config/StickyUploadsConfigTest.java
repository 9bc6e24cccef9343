package io.github.stickyuploads.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StickyUploadsConfigTest {

    private static final String KEY_32 = Base64.getEncoder().encodeToString(new byte[32]);

    private static StickyUploadsConfig config(Map<String, String> values) {
        return new StickyUploadsConfig(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void hasTheContractsDefaults() {
        StickyUploadsConfig config = config(Map.of(StickyUploadsConfig.APPLICATION, "shop"));

        assertEquals("temp", config.storage());
        assertTrue(config.secret().isEmpty());
        assertTrue(config.previousSecrets().isEmpty());
        assertEquals(10L * 1024 * 1024, config.maxSize().bytes());
        assertTrue(config.isAllowedType("application/x-anything"));
        assertEquals(Duration.ofHours(24), config.expiry());
        assertEquals(Duration.ofMinutes(15), config.cleanupInterval());
        assertEquals(20, config.quotaFiles());
        assertEquals(100L * 1024 * 1024, config.quotaBytes().bytes());
        assertEquals("java:comp/DefaultDataSource", config.jdbcDataSource());
        assertEquals(Path.of(System.getProperty("java.io.tmpdir"), "sticky-uploads", "shop").toAbsolutePath(), config.tempPath(),
                "a folder of the application's own");
        assertTrue(config.isDefaultTempPath());
    }

    @Test
    void givesEachApplicationAFolderOfItsOwnWhateverItsName() {
        Path shared = Path.of(System.getProperty("java.io.tmpdir"), "sticky-uploads").toAbsolutePath();
        for (String name : new String[] {"../../etc", "my app", "a/b", "..", "été", "x".repeat(300)}) {
            Path root = config(Map.of(StickyUploadsConfig.APPLICATION, name)).tempPath();
            assertEquals(shared, root.getParent(), name);
            assertTrue(root.getFileName().toString().matches("[A-Za-z0-9._-]{1,64}") && !root.getFileName().toString().startsWith("."),
                    name + " -> " + root.getFileName());
        }
        assertFalse(config(Map.of(StickyUploadsConfig.APPLICATION, "a b")).tempPath()
                .equals(config(Map.of(StickyUploadsConfig.APPLICATION, "a_b")).tempPath()), "names that clean up alike stay apart");
    }

    @Test
    void readsEveryKey() {
        StickyUploadsConfig config = config(Map.of(
                StickyUploadsConfig.STORAGE, " s3 ",
                StickyUploadsConfig.SECRET, KEY_32,
                StickyUploadsConfig.PREVIOUS_SECRETS, KEY_32 + " , " + KEY_32,
                StickyUploadsConfig.MAX_SIZE, "2M",
                StickyUploadsConfig.ALLOWED_TYPES, "application/pdf, image/*",
                StickyUploadsConfig.EXPIRY, "PT2H",
                StickyUploadsConfig.CLEANUP_INTERVAL, "PT1M",
                StickyUploadsConfig.TEMP_PATH, "/var/tmp/uploads",
                StickyUploadsConfig.APPLICATION, "shop"));

        assertEquals("s3", config.storage());
        assertEquals(32, config.secret().orElseThrow().length);
        assertEquals(2, config.previousSecrets().size());
        assertEquals(2L * 1024 * 1024, config.maxSize().bytes());
        assertTrue(config.isAllowedType("image/png"));
        assertTrue(config.isAllowedType("application/pdf"));
        assertFalse(config.isAllowedType("application/zip"));
        assertEquals(Duration.ofHours(2), config.expiry());
        assertEquals(Duration.ofMinutes(1), config.cleanupInterval());
        assertEquals(Path.of("/var/tmp/uploads"), config.tempPath());
        assertFalse(config.isDefaultTempPath());
        assertEquals("shop", config.application());
    }

    @Test
    void namesTheKeyAndTheAcceptedValuesOfEveryBadValue() {
        assertBad(StickyUploadsConfig.MAX_SIZE, "10 parsecs", "K, M or G");
        assertBad(StickyUploadsConfig.MAX_SIZE, "0", "more than 0 bytes");
        assertBad(StickyUploadsConfig.ALLOWED_TYPES, "pdf", "not a media type");
        assertBad(StickyUploadsConfig.ALLOWED_TYPES, " , ", "at least one media type");
        assertBad(StickyUploadsConfig.EXPIRY, "24h", "ISO-8601");
        assertBad(StickyUploadsConfig.EXPIRY, "PT0S", "longer than zero");
        assertBad(StickyUploadsConfig.CLEANUP_INTERVAL, "-PT1M", "longer than zero");
        assertBad(StickyUploadsConfig.SECRET, "not base64!", "not base64");
        assertBad(StickyUploadsConfig.SECRET, Base64.getEncoder().encodeToString(new byte[31]), "at least 32");
        assertBad(StickyUploadsConfig.PREVIOUS_SECRETS, KEY_32 + ",c2hvcnQ=", "at least 32");
        assertBad(StickyUploadsConfig.STORAGE, " ", "empty");
        assertBad(StickyUploadsConfig.QUOTA_FILES, "0", "at least 1");
        assertBad(StickyUploadsConfig.QUOTA_FILES, "many", "many");
        assertBad(StickyUploadsConfig.QUOTA_BYTES, "0", "more than 0 bytes");
        assertBad(StickyUploadsConfig.QUOTA_BYTES, "lots", "K, M or G");
        assertBad(StickyUploadsConfig.APPLICATION, " ", "empty");
    }

    private static void assertBad(String key, String value, String explanation) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> config(Map.of(key, value)));
        assertTrue(e.getMessage().startsWith("Invalid configuration " + key + ":"), e.getMessage());
        assertTrue(e.getMessage().contains(explanation), e.getMessage());
    }
}

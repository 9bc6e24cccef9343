package io.github.stickyuploads.internal.token;

import static io.github.stickyuploads.internal.token.TokenCodecTest.KEY;
import static io.github.stickyuploads.internal.token.TokenCodecTest.NOW;
import static io.github.stickyuploads.internal.token.TokenCodecTest.OWNER;
import static io.github.stickyuploads.internal.token.TokenCodecTest.PATH;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stickyuploads.StickyFile;
import io.github.stickyuploads.UploadEvent;
import io.github.stickyuploads.storage.FileSystemStorage;
import io.github.stickyuploads.storage.StoredObject;
import io.github.stickyuploads.storage.UploadMetadata;
import io.github.stickyuploads.storage.UploadStorage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** From token to file through a real storage in a temporary folder, and one WARNING per refusal. */
class TokenResolverTest {

    private static final byte[] CONTENT = "%PDF-1.7 a résumé".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path folder;

    private FileSystemStorage storage;
    private final TokenCodec codec = new TokenCodec(new SigningKeys(KEY, List.of()));
    private final List<LogRecord> log = new CopyOnWriteArrayList<>();
    private final List<UploadEvent> events = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger("io.github.stickyuploads");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            log.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void setUp() {
        storage = FileSystemStorage.in(folder);
        logger.addHandler(capture);
    }

    @AfterEach
    void tearDown() {
        logger.removeHandler(capture);
    }

    private TokenResolver resolver() {
        return new TokenResolver(codec, name -> "temp".equals(name) ? Optional.<UploadStorage>of(storage) : Optional.empty(),
                Clock.fixed(NOW, ZoneOffset.UTC), events::add);
    }

    private String upload(String storageName) throws Exception {
        StoredObject stored = storage.store(new ByteArrayInputStream(CONTENT),
                new UploadMetadata("cv.pdf", "application/pdf", OWNER, NOW.plusSeconds(3600)));
        TokenClaims claims = new TokenClaims(storageName, stored.id(), "cv.pdf", stored.size(), "application/pdf",
                MessageDigest.getInstance("SHA-256").digest(CONTENT), NOW.plusSeconds(3600));
        return codec.mint(claims, OWNER, PATH);
    }

    @Test
    void aValidTokenGivesTheStoredFile() throws Exception {
        String token = upload("temp");

        StickyFile file = resolver().resolve(token, OWNER, PATH).orElseThrow();

        assertEquals("cv.pdf", file.filename());
        assertEquals(CONTENT.length, file.size());
        assertEquals("application/pdf", file.contentType());
        assertEquals(64, file.sha256().length());
        try (var in = file.openStream()) {
            assertArrayEquals(CONTENT, in.readAllBytes());
        }
        Path copy = folder.resolve("kept.pdf");
        file.transferTo(copy);
        assertArrayEquals(CONTENT, Files.readAllBytes(copy));
        assertTrue(log.isEmpty(), "nothing logged for a good token");

        file.delete();
        assertFalse(resolver().resolve(token, OWNER, PATH).isPresent(), "released");
        assertEquals(List.of(new UploadEvent.Released("temp", OWNER, "cv.pdf", "application/pdf", CONTENT.length)), events,
                "the release is announced");
    }

    @Test
    void aTokenOfADeletedUploadGivesNoFile() throws Exception {
        String token = upload("temp");
        storage.delete(codec.verify(token, OWNER, PATH, NOW).claims().orElseThrow().objectId());

        assertRefused(token, OWNER, PATH, Refusal.OBJECT_GONE);
    }

    @Test
    void aTokenWhoseFileChangedSizeGivesNoFile() throws Exception {
        String token = upload("temp");
        String id = codec.verify(token, OWNER, PATH, NOW).claims().orElseThrow().objectId();
        Files.write(folder.resolve(id.substring(0, 16)).resolve(id.substring(17)).resolve("content"), new byte[] {1},
                StandardOpenOption.APPEND);

        assertRefused(token, OWNER, PATH, Refusal.SIZE_DIFFERS);
    }

    @Test
    void aTokenOfAnUnknownStorageGivesNoFile() throws Exception {
        assertRefused(upload("s3"), OWNER, PATH, Refusal.UNKNOWN_STORAGE);
    }

    @Test
    void aTokenOfABrokenStorageGivesNoFile() throws Exception {
        String token = upload("temp");
        TokenResolver broken = new TokenResolver(codec, name -> Optional.of(new FileSystemStorage(folder) {
            @Override
            public java.util.OptionalLong size(String id) throws IOException {
                throw new IOException("disk gone");
            }
        }), Clock.fixed(NOW, ZoneOffset.UTC), events::add);

        assertFalse(broken.resolve(token, OWNER, PATH).isPresent());
        assertOneWarning(token, Refusal.STORAGE_FAILED);
    }

    @Test
    void everyRefusalOfTheCodecGivesNoFileAndOneWarning() throws Exception {
        String token = upload("temp");
        assertRefused(token, "mallory", PATH, Refusal.OTHER_OWNER);
        assertRefused(token, OWNER, "/app/sticky-uploads/other", Refusal.OTHER_PATH);
        assertRefused(token.substring(0, token.length() - 2) + "AA", OWNER, PATH, Refusal.BAD_SIGNATURE);
        assertRefused("garbage", OWNER, PATH, Refusal.MALFORMED);
        TokenResolver later = new TokenResolver(codec, name -> Optional.of(storage), Clock.fixed(NOW.plusSeconds(7200), ZoneOffset.UTC),
                events::add);
        log.clear();
        assertFalse(later.resolve(token, OWNER, PATH).isPresent());
        assertOneWarning(token, Refusal.EXPIRED);
    }

    private void assertRefused(String token, String owner, String path, Refusal refusal) {
        log.clear();
        assertFalse(resolver().resolve(token, owner, path).isPresent(), refusal.name());
        assertOneWarning(token, refusal);
    }

    private void assertOneWarning(String token, Refusal refusal) {
        assertEquals(1, log.size(), "one log line: " + log.stream().map(LogRecord::getMessage).toList());
        LogRecord record = log.get(0);
        assertEquals(Level.WARNING, record.getLevel());
        assertTrue(record.getMessage().endsWith(refusal.reason()), record.getMessage());
        assertFalse(record.getMessage().contains(token), "the token is never logged");
    }
}

package io.github.stickyuploads.internal.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stickyuploads.UploadEvent;
import io.github.stickyuploads.UploadGoneException;
import io.github.stickyuploads.config.DataSize;
import io.github.stickyuploads.config.MediaTypeRange;
import io.github.stickyuploads.internal.endpoint.UploadEndpoint;
import io.github.stickyuploads.internal.endpoint.UploadLimits;
import io.github.stickyuploads.internal.token.SigningKeys;
import io.github.stickyuploads.internal.token.TokenCodec;
import io.github.stickyuploads.internal.token.TokenRefusal;
import io.github.stickyuploads.storage.FileSystemStorage;
import io.github.stickyuploads.storage.UploadContent;
import io.github.stickyuploads.storage.UploadMetadata;
import io.github.stickyuploads.storage.UploadStorage;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The life of a temporary upload through a real storage in a temporary folder: store, resolve, read, release, purge. */
class TemporaryUploadsTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT = "%PDF-1.7 a résumé".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final UploadLimits LIMITS = new UploadLimits(DataSize.parse("1M"), List.of(MediaTypeRange.parse("*/*")));
    private static final UploadEndpoint ENDPOINT = endpoint("/app/sticky-uploads/default", "temp");

    @TempDir
    Path folder;

    private final List<UploadEvent> events = new CopyOnWriteArrayList<>();
    private final Map<String, UploadStorage> byName = new HashMap<>();
    private TemporaryUploads uploads;

    private static UploadEndpoint endpoint(String path, String storage) {
        return new UploadEndpoint(path, storage, Set.of(), LIMITS, security -> true, Object.class);
    }

    @BeforeEach
    void wire() {
        byName.put("temp", FileSystemStorage.in(folder));
        uploads = new TemporaryUploads();
        uploads.storages = new StorageRegistry() {
            @Override
            public Optional<UploadStorage> named(String name) {
                return Optional.ofNullable(byName.get(name));
            }

            @Override
            public UploadStorage required(String name) {
                return named(name).orElseThrow();
            }

            @Override
            public Map<String, UploadStorage> inUse() {
                return byName;
            }
        };
        uploads.keys = new TokenKeys() {
            private final TokenCodec codec = new TokenCodec(new SigningKeys(KEY, List.of()), "app");

            @Override
            public TokenCodec codec() {
                return codec;
            }
        };
        uploads.events = new RecordingEvent(events);
        uploads.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    private StoredUpload store(Instant expires) throws IOException {
        return uploads.store(ENDPOINT, new UploadMetadata("cv.pdf", "application/pdf", "alice", expires),
                UploadContent.of(new ByteArrayInputStream(CONTENT)));
    }

    @Test
    void storesAnnouncesResolvesReadsAndReleasesOnce() throws Exception {
        StoredUpload stored = store(NOW.plusSeconds(3600));
        assertEquals(List.of(new UploadEvent.Stored("temp", "alice", "cv.pdf", "application/pdf", CONTENT.length,
                stored.sha256(), NOW.plusSeconds(3600))), events);

        StoredUpload file = uploads.resolve(stored.token(), "alice", ENDPOINT).upload().orElseThrow();
        assertEquals("cv.pdf", file.filename());
        assertEquals(CONTENT.length, file.size());
        try (InputStream in = file.openStream()) {
            assertArrayEquals(CONTENT, in.readAllBytes());
        }
        Path copy = folder.resolve("kept.pdf");
        file.transferTo(copy);
        assertArrayEquals(CONTENT, Files.readAllBytes(copy));

        file.delete();
        file.delete();
        assertEquals(2, events.size(), "one Released event however often it is released: " + events);
        assertEquals(new UploadEvent.Released("temp", "alice", "cv.pdf", "application/pdf", CONTENT.length), events.get(1));
        assertEquals(Optional.of(TokenRefusal.OBJECT_GONE), uploads.resolve(stored.token(), "alice", ENDPOINT).refusal());
        UploadGoneException gone = assertThrows(UploadGoneException.class, file::openStream);
        assertEquals(file, gone.file());
    }

    @Test
    void thirtyReleasesAtOnceReleaseOnceAndAnnounceOnce() throws Exception {
        StoredUpload stored = store(NOW.plusSeconds(3600));
        events.clear();
        ExecutorService pool = Executors.newFixedThreadPool(30);
        try {
            List<Callable<Boolean>> releases = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                releases.add(() -> uploads.release(stored));
            }
            long released = 0;
            for (Future<Boolean> release : pool.invokeAll(releases)) {
                released += release.get() ? 1 : 0;
            }
            assertEquals(1, released);
        } finally {
            pool.shutdown();
        }
        assertEquals(1, events.size(), events::toString);
    }

    @Test
    void everyReasonATokenGivesNoFile() throws Exception {
        StoredUpload stored = store(NOW.plusSeconds(3600));
        String token = stored.token();
        assertEquals(Optional.of(TokenRefusal.OTHER_OWNER), uploads.resolve(token, "mallory", ENDPOINT).refusal());
        assertEquals(Optional.of(TokenRefusal.OTHER_PATH),
                uploads.resolve(token, "alice", endpoint("/app/sticky-uploads/other", "temp")).refusal());
        assertEquals(Optional.of(TokenRefusal.BAD_SIGNATURE),
                uploads.resolve(token.substring(0, token.length() - 2) + "AA", "alice", ENDPOINT).refusal());
        assertEquals(Optional.of(TokenRefusal.MALFORMED), uploads.resolve("garbage", "alice", ENDPOINT).refusal());

        uploads.clock = Clock.fixed(NOW.plusSeconds(7200), ZoneOffset.UTC);
        assertEquals(Optional.of(TokenRefusal.EXPIRED), uploads.resolve(token, "alice", ENDPOINT).refusal());
        uploads.clock = Clock.fixed(NOW, ZoneOffset.UTC);

        String id = stored.claims().objectId();
        Files.write(folder.resolve(id.substring(0, 16)).resolve(id.substring(17)).resolve("content"), new byte[] {1},
                StandardOpenOption.APPEND);
        assertEquals(Optional.of(TokenRefusal.SIZE_DIFFERS), uploads.resolve(token, "alice", ENDPOINT).refusal());

        byName.put("temp", new FileSystemStorage(folder) {
            @Override
            public OptionalLong size(String objectId) throws IOException {
                throw new IOException("disk gone");
            }
        });
        assertEquals(Optional.of(TokenRefusal.STORAGE_FAILED), uploads.resolve(token, "alice", ENDPOINT).refusal());
        byName.remove("temp");
        assertEquals(Optional.of(TokenRefusal.UNKNOWN_STORAGE), uploads.resolve(token, "alice", ENDPOINT).refusal());
    }

    @Test
    void aPurgeAnnouncesEachExpiredUploadOnce() throws Exception {
        store(NOW.minusSeconds(1));
        StoredUpload live = store(NOW.plusSeconds(60));
        events.clear();

        uploads.purge();
        uploads.purge();

        assertEquals(List.of(new UploadEvent.Expired("temp", "alice", "cv.pdf", "application/pdf", CONTENT.length)), events);
        assertTrue(live.isStillThere());
    }

    /** Records what is fired, as the CDI container would deliver it to an observer. */
    private record RecordingEvent(List<UploadEvent> fired) implements Event<UploadEvent> {

        @Override
        public void fire(UploadEvent event) {
            fired.add(event);
        }

        @Override
        public <U extends UploadEvent> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends UploadEvent> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<UploadEvent> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends UploadEvent> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends UploadEvent> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}

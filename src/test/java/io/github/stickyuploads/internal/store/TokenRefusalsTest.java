package io.github.stickyuploads.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stickyuploads.internal.token.TokenRefusal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenRefusalsTest {

    private final Logger logger = Logger.getLogger("io.github.stickyuploads");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(capture);
    }

    @Test
    void everydayRefusalsAreInfoNotWarnings() {
        TokenRefusals refusals = new TokenRefusals();
        refusals.add(TokenRefusal.EXPIRED, 1);
        refusals.add(TokenRefusal.OBJECT_GONE, 2);
        refusals.log("/sticky-uploads/default", "ann");

        assertEquals(1, records.size());
        assertEquals(Level.INFO, records.get(0).getLevel());
        assertEquals("Ignoring 3 sticky-upload tokens read for /sticky-uploads/default by ann: 1 because it has expired, "
                + "2 because its stored file no longer exists", records.get(0).getMessage());
    }

    @Test
    void oneSuspiciousRefusalMakesTheLineAWarning() {
        TokenRefusals refusals = new TokenRefusals();
        refusals.add(TokenRefusal.EXPIRED, 5);
        refusals.add(TokenRefusal.BAD_SIGNATURE, 1);
        refusals.log("/sticky-uploads/default", null);

        assertEquals(1, records.size());
        assertEquals(Level.WARNING, records.get(0).getLevel());
    }

    @Test
    void nothingRefusedLogsNothing() {
        TokenRefusals refusals = new TokenRefusals();
        refusals.add(TokenRefusal.MALFORMED, 0);
        refusals.log("/sticky-uploads/default", "ann");
        assertTrue(records.isEmpty());
    }
}

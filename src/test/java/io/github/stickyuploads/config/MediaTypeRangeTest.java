package io.github.stickyuploads.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediaTypeRangeTest {

    @Test
    void matchesExactTypesWildcardsAndIgnoresParametersAndCase() {
        assertTrue(MediaTypeRange.parse("application/pdf").includes("application/pdf"));
        assertTrue(MediaTypeRange.parse("Application/PDF").includes("application/pdf; q=1"));
        assertFalse(MediaTypeRange.parse("application/pdf").includes("application/zip"));
        assertTrue(MediaTypeRange.parse("image/*").includes("image/png"));
        assertFalse(MediaTypeRange.parse("image/*").includes("text/plain"));
        assertTrue(MediaTypeRange.parse("*/*").includes("application/x-msdownload"));
        assertFalse(MediaTypeRange.parse("*/*").includes("nonsense"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "pdf", "application/", "/pdf", "*/pdf", "a/b/c", "text plain/x"})
    void refusesWhatIsNotAMediaType(String text) {
        assertThrows(IllegalArgumentException.class, () -> MediaTypeRange.parse(text));
    }
}

package io.github.stickyuploads.internal.multipart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ContentTypeTest {

    @Test
    void readsTypeSubtypeAndParametersWithNamesInAnyCase() {
        ContentType type = ContentType.parse("Multipart/Form-Data ; CharSet=utf-8;BOUNDARY=\"a \\\"b\\\" c\"").orElseThrow();

        assertEquals("multipart", type.type());
        assertEquals("form-data", type.subtype());
        assertEquals(Map.of("charset", "utf-8", "boundary", "a \"b\" c"), type.parameters());
        assertTrue(type.isMultipartFormData());
        assertEquals("multipart/form-data; boundary=\"a \\\"b\\\" c\"; charset=\"utf-8\"", type.toString(), "canonical");
        assertEquals(Optional.of(type), ContentType.parse(type.toString()), "the canonical form reads back the same");
    }

    @Test
    void allowsEmptyParameters() {
        assertEquals(Optional.of("abc"), ContentType.parse("multipart/form-data;; boundary=abc;").flatMap(ContentType::boundary));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "multipart", "multipart/", "/form-data", "multipart/form-data; boundary=\"abc",
            "multipart/form-data; boundary = abc", "multipart/form-data; =x;", "multipart/form-data; boundary",
            "multipart/form-data boundary=abc", "multipart/form-data; boundary=a\"b", "*/*", "multipart/*",
            "multipart/form-data; boundary=\"a\\", "text/plain; charset=\"a\u0001\"", "t\u00e9xt/plain"})
    void refusesWhatBreaksTheSyntax(String header) {
        assertEquals(Optional.empty(), ContentType.parse(header), header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/json", "text/html, application/xhtml+xml;q=0.9, */*;q=0.8", "image/*",
            "application/json,", ", text/plain", "text/plain; charset=\"utf-8\""})
    void acceptsWellFormedAcceptHeaders(String header) {
        assertTrue(ContentType.isValidAccept(header), header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"", "text", "*/json", "text/plain; q", "application/json; q=\"0.5", "a/b c/d"})
    void refusesMalformedAcceptHeaders(String header) {
        assertFalse(ContentType.isValidAccept(header), header);
    }
}

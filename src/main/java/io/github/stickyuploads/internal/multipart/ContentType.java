package io.github.stickyuploads.internal.multipart;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A {@code Content-Type} (or one media range of an {@code Accept}) as RFC 9110 writes it: {@code type/subtype}
 * and parameters whose names are case-insensitive and whose values are tokens or quoted strings. Parsed
 * strictly, so that a header the framework could not parse is refused by the library first, in JSON.
 *
 * @param type the type, lower case
 * @param subtype the subtype, lower case
 * @param parameters the parameters, by lower-case name
 */
public record ContentType(String type, String subtype, Map<String, String> parameters) {

    private static final String TCHARS = "!#$%&'*+-.^_`|~";
    private static final Pattern BOUNDARY = Pattern.compile("[0-9A-Za-z'()+_,\\-./:=? ]{0,69}[0-9A-Za-z'()+_,\\-./:=?]");

    /**
     * @param header a {@code Content-Type} value, possibly anything
     * @return it, or empty when it breaks the syntax
     */
    public static Optional<ContentType> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Reader reader = new Reader(header);
        reader.spaces();
        Optional<ContentType> contentType = reader.mediaType(false);
        return contentType.isPresent() && reader.atEnd() ? contentType : Optional.empty();
    }

    /**
     * @param header an {@code Accept} value, possibly anything
     * @return whether it is a well-formed list of media ranges
     */
    public static boolean isValidAccept(String header) {
        if (header == null) {
            return true;
        }
        Reader reader = new Reader(header);
        do {
            reader.spaces();
            if (reader.peek(',') || reader.atEnd()) {
                continue; // empty list elements are allowed
            }
            if (reader.mediaType(true).isEmpty()) {
                return false;
            }
            reader.spaces();
        } while (reader.take(','));
        return reader.atEnd();
    }

    /** @return whether this is {@code multipart/form-data} */
    public boolean isMultipartFormData() {
        return "multipart".equals(type) && "form-data".equals(subtype);
    }

    /** @return the boundary parameter, when it is a valid multipart boundary (RFC 2046) */
    public Optional<String> boundary() {
        String boundary = parameters.get("boundary");
        return boundary != null && BOUNDARY.matcher(boundary).matches() ? Optional.of(boundary) : Optional.empty();
    }

    /** @return the canonical spelling, with every parameter value quoted */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(type).append('/').append(subtype);
        parameters.forEach((name, value) -> text.append("; ").append(name).append("=\"")
                .append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"'));
        return text.toString();
    }

    /** A cursor over one header value. */
    private static final class Reader {

        private final String text;
        private int position;

        Reader(String text) {
            this.text = text;
        }

        Optional<ContentType> mediaType(boolean rangeAllowed) {
            String type = token();
            if (type == null || !take('/')) {
                return Optional.empty();
            }
            String subtype = token();
            boolean wildcard = "*".equals(type) || "*".equals(subtype);
            if (subtype == null || ("*".equals(type) && !"*".equals(subtype)) || (wildcard && !rangeAllowed)) {
                return Optional.empty();
            }
            Map<String, String> parameters = new TreeMap<>();
            while (true) {
                int before = position;
                spaces();
                if (!take(';')) {
                    position = before;
                    break;
                }
                spaces();
                if (atEnd() || peek(';') || peek(',')) {
                    continue; // an empty parameter, which RFC 9110 allows
                }
                String name = token();
                if (name == null || !take('=')) {
                    return Optional.empty();
                }
                String value = peek('"') ? quoted() : token();
                if (value == null) {
                    return Optional.empty();
                }
                parameters.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
            }
            return Optional.of(new ContentType(type.toLowerCase(Locale.ROOT), subtype.toLowerCase(Locale.ROOT),
                    Collections.unmodifiableMap(parameters)));
        }

        private String token() {
            int start = position;
            while (position < text.length() && isTokenChar(text.charAt(position))) {
                position++;
            }
            return position > start ? text.substring(start, position) : null;
        }

        private String quoted() {
            StringBuilder value = new StringBuilder();
            position++; // the opening quote
            while (position < text.length()) {
                char c = text.charAt(position++);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\') {
                    if (position == text.length()) {
                        return null;
                    }
                    c = text.charAt(position++);
                }
                if (c < 0x20 && c != '\t' || c == 0x7f) {
                    return null;
                }
                value.append(c);
            }
            return null; // unterminated
        }

        void spaces() {
            while (position < text.length() && (text.charAt(position) == ' ' || text.charAt(position) == '\t')) {
                position++;
            }
        }

        boolean take(char c) {
            if (peek(c)) {
                position++;
                return true;
            }
            return false;
        }

        boolean peek(char c) {
            return position < text.length() && text.charAt(position) == c;
        }

        boolean atEnd() {
            spaces();
            return position == text.length();
        }

        private static boolean isTokenChar(char c) {
            return c < 0x7f && (Character.isLetterOrDigit(c) || TCHARS.indexOf(c) >= 0);
        }
    }
}

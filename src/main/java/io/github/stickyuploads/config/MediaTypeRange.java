package io.github.stickyuploads.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One entry of {@code stickyuploads.allowed-types}: an exact media type ({@code application/pdf}), a
 * subtype wildcard ({@code image/*}) or everything ({@code *}{@code /*}). Parameters such as
 * {@code ;charset=UTF-8} are ignored on both sides.
 *
 * <pre>
 * MediaTypeRange.parse("image/*").includes("image/png");  // true
 * </pre>
 *
 * @param type the type, lower case, or {@code *}
 * @param subtype the subtype, lower case, or {@code *}
 * @since 0.1
 */
public record MediaTypeRange(String type, String subtype) {

    private static final Pattern TOKEN = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*|\\*");

    /**
     * Parses a range.
     *
     * @param text for example {@code image/*}
     * @return the range
     * @throws IllegalArgumentException if it is not {@code type/subtype}
     * @since 0.1
     */
    public static MediaTypeRange parse(String text) {
        String[] parts = withoutParameters(text).split("/", -1);
        if (parts.length != 2 || !TOKEN.matcher(parts[0]).matches() || !TOKEN.matcher(parts[1]).matches()
                || ("*".equals(parts[0]) && !"*".equals(parts[1]))) {
            throw new IllegalArgumentException("'" + text + "' is not a media type such as application/pdf or image/*");
        }
        return new MediaTypeRange(parts[0], parts[1]);
    }

    /**
     * @param mediaType a media type such as {@code image/png;q=1}
     * @return whether this range covers it
     * @since 0.1
     */
    public boolean includes(String mediaType) {
        String[] parts = withoutParameters(mediaType).split("/", 2);
        if (parts.length != 2) {
            return false;
        }
        return ("*".equals(type) || type.equals(parts[0])) && ("*".equals(subtype) || subtype.equals(parts[1]));
    }

    private static String withoutParameters(String mediaType) {
        String text = mediaType == null ? "" : mediaType;
        int semicolon = text.indexOf(';');
        return (semicolon < 0 ? text : text.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return type + "/" + subtype;
    }
}

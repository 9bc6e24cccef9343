package io.github.stickyuploads.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number of bytes written the way people write them in configuration: {@code 10485760}, {@code 512K},
 * {@code 10M} or {@code 1G} (binary multiples, case-insensitive).
 *
 * <pre>
 * DataSize.parse("10M").bytes();   // 10485760
 * DataSize.parse("10M").toString(); // "10 MB"
 * </pre>
 *
 * @param bytes the size in bytes, never negative
 * @since 0.1
 */
public record DataSize(long bytes) {

    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,19})\\s*([KMG]?)B?", Pattern.CASE_INSENSITIVE);

    /**
     * @param bytes the size in bytes
     * @throws IllegalArgumentException if negative
     * @since 0.1
     */
    public DataSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("A size cannot be negative: " + bytes);
        }
    }

    /**
     * Parses a size such as {@code 10M}.
     *
     * @param text digits with an optional {@code K}, {@code M} or {@code G} suffix
     * @return the size
     * @throws IllegalArgumentException if the text is not of that form or does not fit in a {@code long}
     * @since 0.1
     */
    public static DataSize parse(String text) {
        Matcher matcher = SYNTAX.matcher(text == null ? "" : text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size; write bytes or a number with K, M or G");
        }
        int shift = switch (matcher.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            default -> 0;
        };
        try {
            long number = Long.parseLong(matcher.group(1));
            if (number > (Long.MAX_VALUE >> shift)) {
                throw new NumberFormatException();
            }
            return new DataSize(number << shift);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too large a size", e);
        }
    }

    /**
     * @return the size for people, in the largest binary unit under 1024 of it: whole numbers from 10 up,
     *         one decimal below ({@code 999 bytes}, {@code 1.5 KB}, {@code 47 KB}, {@code 10 MB})
     * @since 0.1
     */
    @Override
    public String toString() {
        String[] units = {"bytes", "KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        if (unit == 0) {
            return bytes + " bytes";
        }
        double shown = value >= 10 ? Math.round(value) : Math.round(value * 10) / 10.0;
        String number = shown == Math.rint(shown) ? String.valueOf((long) shown) : String.format(Locale.ROOT, "%.1f", shown);
        return number + " " + units[unit];
    }
}

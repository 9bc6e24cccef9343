package io.github.stickyuploads.internal.messages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The languages of an {@code Accept-Language} header, read leniently: an entry the library cannot read (such as
 * {@code en_US}, {@code en;q=0.5555} or an empty one) is skipped, silently, and a header without a readable entry
 * means the default language. A sloppy header never fails a request.
 */
public final class Languages {

    private static final Pattern ENTRY = Pattern.compile(
            "\\s*([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*|\\*)\\s*(?:;\\s*[qQ]\\s*=\\s*(0(?:\\.\\d{0,3})?|1(?:\\.0{0,3})?))?\\s*");
    private static final int MOST_ENTRIES = 20;

    private Languages() {
    }

    /**
     * @param header the request's {@code Accept-Language}, possibly null or anything
     * @return its languages, most wanted first; empty for none that can be read
     */
    public static List<Locale> parse(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        List<Weighted> languages = new ArrayList<>();
        String[] entries = header.split(",", MOST_ENTRIES + 1);
        for (int i = 0; i < Math.min(entries.length, MOST_ENTRIES); i++) {
            Matcher entry = ENTRY.matcher(entries[i]);
            if (!entry.matches() || "*".equals(entry.group(1))) {
                continue;
            }
            double quality = entry.group(2) == null ? 1 : Double.parseDouble(entry.group(2));
            if (quality > 0) {
                try {
                    languages.add(new Weighted(new Locale.Builder().setLanguageTag(entry.group(1)).build(), quality, i));
                } catch (IllformedLocaleException unreadable) {
                    // skipped, like any entry that cannot be read
                }
            }
        }
        languages.sort(Comparator.comparingDouble(Weighted::quality).reversed().thenComparingInt(Weighted::order));
        return languages.stream().map(Weighted::locale).toList();
    }

    private record Weighted(Locale locale, double quality, int order) {
    }
}

package io.github.stickyuploads.internal.upload;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Turns the name a client sent into a safe base name for display and for applications that keep the
 * file under its name: no directories, no control or format characters (NUL, bidi overrides), NFC,
 * no leading or trailing dots and spaces, no Windows device names (also {@code COM0}, {@code LPT¹},
 * {@code CONIN$} and such, whatever follows the first dot), at most {@value #MAX_UTF8_BYTES}
 * UTF-8 bytes with the extension kept. The storage never uses it as a path.
 */
public final class FilenameSanitizer {

    /** The longest name kept, in UTF-8 bytes, as most file systems allow. */
    public static final int MAX_UTF8_BYTES = 255;
    /** The name of a file whose name is empty once cleaned. */
    public static final String FALLBACK = "upload";

    private static final Pattern UNWANTED = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}\\p{Zl}\\p{Zp}]");
    private static final Pattern RESERVED_CHARACTERS = Pattern.compile("[<>:\"|?*]");
    /**
     * Windows reserves these names in every folder, with any extension: COM and LPT with a digit or a
     * superscript one, two or three (which Windows treats as digits), and the console's own names.
     */
    private static final Pattern WINDOWS_DEVICE = Pattern.compile("(CON|PRN|AUX|NUL|CONIN\\$|CONOUT\\$|CLOCK\\$"
            + "|(COM|LPT)[0-9\u00b9\u00b2\u00b3])", Pattern.CASE_INSENSITIVE);

    private FilenameSanitizer() {
    }

    /**
     * @param clientName the name from the request, possibly null or a full client path
     * @return a safe base name, never empty
     */
    public static String sanitize(String clientName) {
        if (clientName == null) {
            return FALLBACK;
        }
        String name = Normalizer.normalize(clientName, Normalizer.Form.NFC);
        name = UNWANTED.matcher(name).replaceAll("");
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = RESERVED_CHARACTERS.matcher(name).replaceAll("_");
        name = name.strip().replaceAll("^[.\\s]+|[.\\s]+$", "");
        if (name.isEmpty()) {
            return FALLBACK;
        }
        String stem = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (WINDOWS_DEVICE.matcher(stem.strip()).matches()) {
            name = "_" + name;
        }
        return truncate(name);
    }

    private static String truncate(String name) {
        if (utf8Length(name) <= MAX_UTF8_BYTES) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - extension.length());
        int budget = MAX_UTF8_BYTES - utf8Length(extension);
        StringBuilder kept = new StringBuilder();
        stem.codePoints().forEachOrdered(codePoint -> {
            String next = new String(Character.toChars(codePoint));
            if (utf8Length(kept) + utf8Length(next) <= budget) {
                kept.append(next);
            }
        });
        return kept.toString().strip() + extension;
    }

    private static int utf8Length(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}

package io.github.stickyuploads.internal.web;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The library's user-facing messages, from the bundle {@value #BUNDLE}, in the first of the request's
 * languages that the bundle has (English otherwise, whatever the server's own locale).
 */
public final class Messages {

    /** The base name of the message bundle. */
    public static final String BUNDLE = "io.github.stickyuploads.messages";

    private static final ResourceBundle.Control NO_SERVER_LOCALE_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /**
     * @param key a key of the bundle
     * @param languages the request's languages, most wanted first
     * @param arguments the placeholders' values
     * @return the formatted message
     */
    public static String get(String key, List<Locale> languages, Object... arguments) {
        ResourceBundle bundle = bundle(languages);
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("No message " + key + " in " + BUNDLE, e);
        }
        return new MessageFormat(pattern, bundle.getLocale()).format(arguments);
    }

    private static ResourceBundle bundle(List<Locale> languages) {
        for (Locale language : languages) {
            if (!language.getLanguage().isEmpty() && !"*".equals(language.getLanguage())) {
                ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language, Messages.class.getClassLoader(),
                        NO_SERVER_LOCALE_FALLBACK);
                if (bundle.getLocale().getLanguage().equals(language.getLanguage())) {
                    return bundle;
                }
            }
        }
        return ResourceBundle.getBundle(BUNDLE, Locale.ROOT, Messages.class.getClassLoader(), NO_SERVER_LOCALE_FALLBACK);
    }
}

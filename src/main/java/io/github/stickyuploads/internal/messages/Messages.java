package io.github.stickyuploads.internal.messages;

import io.github.stickyuploads.config.StickyUploadsConfig;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The library's user-facing messages in the first of the request's languages that it speaks (English
 * otherwise, whatever the server's own locale). A key found in the application's bundle named by
 * {@value StickyUploadsConfig#MESSAGES} wins over the library's bundle {@value #BUNDLE}.
 */
public final class Messages {

    /** The base name of the library's message bundle. */
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
        Optional<String> applicationBundle = applicationBundle();
        Locale locale = languages.stream()
                .filter(language -> speaks(BUNDLE, Messages.class.getClassLoader(), language)
                        || applicationBundle.filter(name -> speaks(name, applicationLoader(), language)).isPresent())
                .findFirst().orElse(Locale.ROOT);
        String pattern = applicationBundle.flatMap(name -> lookup(name, applicationLoader(), locale, key))
                .or(() -> lookup(BUNDLE, Messages.class.getClassLoader(), locale, key))
                .orElseThrow(() -> new IllegalArgumentException("No message " + key + " in " + BUNDLE));
        return new MessageFormat(pattern, locale).format(arguments);
    }

    private static boolean speaks(String bundle, ClassLoader loader, Locale language) {
        if (language.getLanguage().isEmpty() || "*".equals(language.getLanguage())) {
            return false;
        }
        try {
            return ResourceBundle.getBundle(bundle, language, loader, NO_SERVER_LOCALE_FALLBACK)
                    .getLocale().getLanguage().equals(language.getLanguage());
        } catch (MissingResourceException e) {
            return false;
        }
    }

    private static Optional<String> lookup(String bundle, ClassLoader loader, Locale locale, String key) {
        try {
            ResourceBundle messages = ResourceBundle.getBundle(bundle, locale, loader, NO_SERVER_LOCALE_FALLBACK);
            return messages.containsKey(key) ? Optional.of(messages.getString(key)) : Optional.empty();
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> applicationBundle() {
        try {
            return ConfigProvider.getConfig().getOptionalValue(StickyUploadsConfig.MESSAGES, String.class);
        } catch (IllegalStateException e) {
            return Optional.empty(); // no MicroProfile Config here, e.g. in a unit test
        }
    }

    private static ClassLoader applicationLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Messages.class.getClassLoader();
    }
}

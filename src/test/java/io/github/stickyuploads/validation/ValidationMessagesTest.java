package io.github.stickyuploads.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** Each constraint's default message has its text in the library's bundle, in English and in German. */
class ValidationMessagesTest {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Test
    void everyDefaultMessageHasATextInEnglishAndGerman() {
        for (String template : new String[] {MaxFileSize.MESSAGE, FileType.MESSAGE}) {
            String key = template.substring(1, template.length() - 1);
            for (Locale locale : new Locale[] {Locale.ROOT, Locale.GERMAN}) {
                ResourceBundle bundle = ResourceBundle.getBundle("ContributorValidationMessages", locale, NO_FALLBACK);
                assertEquals(locale, bundle.getLocale(), "a bundle of its own for " + locale);
                assertTrue(bundle.getString(key).contains("{value}"), key + " in " + locale + " names the limit");
            }
        }
        assertEquals("The file is larger than the limit of {value}.",
                ResourceBundle.getBundle("ContributorValidationMessages", Locale.ROOT, NO_FALLBACK)
                        .getString("io.github.stickyuploads.validation.MaxFileSize.message"));
    }
}

package io.github.stickyuploads.internal.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilenameSanitizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cv.pdf|cv.pdf",
        "../../etc/passwd|passwd",
        "..\\..\\boot.ini|boot.ini",
        "C:\\Users\\ann\\My CV.pdf|My CV.pdf",
        "/absolute/path/x.txt|x.txt",
        "..|upload",
        "...|upload",
        "dir/|upload",
        "' '|upload",
        "'  .hidden '|hidden",
        "trailing. . .|trailing",
        "CON|_CON",
        "aux.txt|_aux.txt",
        "Lpt1.tar.gz|_Lpt1.tar.gz",
        "console.txt|console.txt",
        "COM0.pdf|_COM0.pdf",
        "lpt0|_lpt0",
        "COM¹.txt|_COM¹.txt",
        "com²|_com²",
        "LPT³.tar.gz|_LPT³.tar.gz",
        "CONIN$.txt|_CONIN$.txt",
        "conout$|_conout$",
        "COM10.txt|COM10.txt",
        "COM⁴.txt|COM⁴.txt",
        "'CON .txt'|_CON .txt",
        "a<b>c:d\"e?g*h.txt|a_b_c_d_e_g_h.txt",
    })
    void keepsTheBaseNameOnly(String client, String safe) {
        assertEquals(safe, FilenameSanitizer.sanitize(client));
    }

    @Test
    void dropsControlAndFormatCharacters() {
        assertEquals("cv.txt", FilenameSanitizer.sanitize("cv\u0000.txt"));
        assertEquals("invoice.txt", FilenameSanitizer.sanitize("in\u202Evoice\u0007.txt"), "right-to-left override, bell");
        assertEquals("ab.txt", FilenameSanitizer.sanitize("a\u200Bb\n.txt"), "zero-width space, newline");
        assertEquals("upload", FilenameSanitizer.sanitize(null));
        assertEquals("upload", FilenameSanitizer.sanitize("\u0000\u0001"));
        assertEquals("a_b.txt", FilenameSanitizer.sanitize("a|b.txt"), "a Windows-reserved character");
    }

    @Test
    void normalisesUnicodeToNfc() {
        String decomposed = "Re\u0301sume\u0301.pdf";
        assertEquals("R\u00e9sum\u00e9.pdf", FilenameSanitizer.sanitize(decomposed));
    }

    @Test
    void shortensLongNamesKeepingTheExtensionAndWholeCharacters() {
        String name = FilenameSanitizer.sanitize("x".repeat(10_000) + ".pdf");
        assertEquals(255, name.getBytes(StandardCharsets.UTF_8).length);
        assertTrue(name.endsWith("xx.pdf"), name);

        String chinese = FilenameSanitizer.sanitize("\u4e2d".repeat(1_000) + ".txt");
        assertTrue(chinese.getBytes(StandardCharsets.UTF_8).length <= 255, chinese);
        assertTrue(chinese.endsWith("\u4e2d.txt"), "no character cut in half");
    }
}

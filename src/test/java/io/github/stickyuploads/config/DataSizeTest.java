package io.github.stickyuploads.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DataSizeTest {

    @ParameterizedTest
    @CsvSource({"0,0", "1024,1024", "512K,524288", "10M,10485760", "10m,10485760", "1G,1073741824", "2 MB,2097152", "7b,7"})
    void parsesBytesAndBinarySuffixes(String text, long bytes) {
        assertEquals(bytes, DataSize.parse(text).bytes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "ten", "10X", "-1", "1.5M", "M", "99999999999999999999", "9999999999999G"})
    void refusesWhatIsNotASize(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataSize.parse(text));
        assertEquals(true, e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @Test
    void printsForPeople() {
        assertEquals("100 KB", DataSize.parse("100K").toString());
        assertEquals("10 MB", DataSize.parse("10M").toString());
        assertEquals("1.5 KB", new DataSize(1536).toString());
        assertEquals("999 bytes", new DataSize(999).toString());
        assertEquals("47 KB", new DataSize(48_213).toString(), "whole numbers from 10 up");
        assertEquals("9.5 MB", new DataSize(9_961_472).toString());
    }
}

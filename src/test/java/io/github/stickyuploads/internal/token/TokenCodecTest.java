package io.github.stickyuploads.internal.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenCodecTest {

    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    static final String OWNER = "alice";
    static final String PATH = "/app/sticky-uploads/default";
    static final String APPLICATION = "the-application";

    static TokenClaims claims() {
        return new TokenClaims("temp", "0123456789abcdef0123456789abcdef", "cv.pdf", 48_213, "application/pdf",
                new byte[32], NOW.plusSeconds(3600));
    }

    private final TokenCodec codec = new TokenCodec(new SigningKeys(KEY, List.of()), APPLICATION);

    @Test
    void givesBackWhatItWasMintedWith() {
        String token = codec.mint(claims(), OWNER, PATH);

        TokenCheck check = codec.verify(token, OWNER, PATH, NOW);

        assertEquals(Optional.empty(), check.refusal());
        assertEquals(claims(), check.claims().orElseThrow());
    }

    @Test
    void isUrlSafeUnderOneKilobyteAndNamesNoJavaClassEvenWithTheLongestFields() {
        String longest = "\u4e2d".repeat(85); // 255 UTF-8 bytes, the sanitiser's limit
        TokenClaims big = new TokenClaims("s".repeat(64), "i".repeat(64), longest, Long.MAX_VALUE,
                "application/vnd.openxmlformats-officedocument.presentationml.slideshow.macroenabled.12",
                new byte[32], NOW.plusSeconds(60));

        String token = codec.mint(big, "someone.with.a.long.name@example.org", PATH);

        assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
        assertTrue(token.length() < 1024, "length " + token.length());
        String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.ISO_8859_1);
        assertFalse(decoded.contains("io.github") || decoded.contains("Storage"), "no class name");
        assertEquals(big, codec.verify(token, "someone.with.a.long.name@example.org", PATH, NOW).claims().orElseThrow());
    }

    @Test
    void refusesEveryChangedByte() {
        byte[] bytes = Base64.getUrlDecoder().decode(codec.mint(claims(), OWNER, PATH));
        for (int i = 0; i < bytes.length; i++) {
            byte[] changed = bytes.clone();
            changed[i] ^= 0x01;
            TokenCheck check = codec.verify(Base64.getUrlEncoder().withoutPadding().encodeToString(changed), OWNER, PATH, NOW);
            TokenRefusal expected = i == 0 ? TokenRefusal.MALFORMED : TokenRefusal.BAD_SIGNATURE;
            assertEquals(Optional.of(expected), check.refusal(), "byte " + i);
        }
    }

    @Test
    void refusesATokenSignedWithAnotherSecret() {
        String foreign = new TokenCodec(new SigningKeys(OTHER_KEY, List.of()), APPLICATION).mint(claims(), OWNER, PATH);

        assertEquals(Optional.of(TokenRefusal.BAD_SIGNATURE), codec.verify(foreign, OWNER, PATH, NOW).refusal());
    }

    @Test
    void acceptsATokenOfAPreviousSecretDuringARotationOnly() {
        String old = new TokenCodec(new SigningKeys(OTHER_KEY, List.of()), APPLICATION).mint(claims(), OWNER, PATH);
        TokenCodec rotating = new TokenCodec(new SigningKeys(KEY, List.of(OTHER_KEY)), APPLICATION);

        assertEquals(claims(), rotating.verify(old, OWNER, PATH, NOW).claims().orElseThrow(), "during the rotation");
        assertEquals(Optional.of(TokenRefusal.BAD_SIGNATURE), codec.verify(old, OWNER, PATH, NOW).refusal(), "after it");
        String fresh = rotating.mint(claims(), OWNER, PATH);
        assertTrue(codec.verify(fresh, OWNER, PATH, NOW).claims().isPresent(), "new tokens use the current secret");
    }

    @Test
    void refusesAnExpiredToken() {
        String token = codec.mint(claims(), OWNER, PATH);

        assertTrue(codec.verify(token, OWNER, PATH, NOW.plusSeconds(3599)).claims().isPresent());
        assertEquals(Optional.of(TokenRefusal.EXPIRED), codec.verify(token, OWNER, PATH, NOW.plusSeconds(3600)).refusal());
    }

    @Test
    void refusesATokenForAnotherUploadPath() {
        String token = codec.mint(claims(), OWNER, PATH);

        assertEquals(Optional.of(TokenRefusal.OTHER_PATH), codec.verify(token, OWNER, "/app/sticky-uploads/other", NOW).refusal());
        assertEquals(Optional.of(TokenRefusal.OTHER_PATH), codec.verify(token, OWNER, "/other-app/sticky-uploads/default", NOW).refusal());
    }

    @Test
    void refusesATokenOfAnotherApplicationThatSharesTheSecret() {
        String token = new TokenCodec(new SigningKeys(KEY, List.of()), "another-application").mint(claims(), OWNER, PATH);

        assertEquals(Optional.of(TokenRefusal.OTHER_APPLICATION), codec.verify(token, OWNER, PATH, NOW).refusal());
    }

    @Test
    void refusesATokenOfAnotherUser() {
        String token = codec.mint(claims(), OWNER, PATH);

        assertEquals(Optional.of(TokenRefusal.OTHER_OWNER), codec.verify(token, "mallory", PATH, NOW).refusal());
        assertEquals(Optional.of(TokenRefusal.OTHER_OWNER), codec.verify(token, "Alice", PATH, NOW).refusal());
    }

    @Test
    void refusesWhatIsNotAToken() {
        String token = codec.mint(claims(), OWNER, PATH);
        String standardBase64 = Base64.getEncoder().encodeToString(Base64.getUrlDecoder().decode(token));
        for (String bad : new String[] {null, "", " ", "!!!!", token + "=", token + "==", " " + token, token + "A",
                standardBase64.equals(token) ? token + "+" : standardBase64, "A".repeat(1_000_000), "AQ",
                token.substring(0, 40)}) {
            Optional<TokenRefusal> refusal = codec.verify(bad, OWNER, PATH, NOW).refusal();
            assertTrue(refusal.isPresent(), "refused: " + (bad == null ? null : bad.substring(0, Math.min(60, bad.length()))));
            assertTrue(refusal.get() == TokenRefusal.MALFORMED || refusal.get() == TokenRefusal.BAD_SIGNATURE, refusal.get().name());
        }
        assertEquals(Optional.of(TokenRefusal.MALFORMED), codec.verify(token.substring(0, 40), OWNER, PATH, NOW).refusal(), "cut");
        assertEquals(Optional.of(TokenRefusal.MALFORMED), codec.verify(token + "==", OWNER, PATH, NOW).refusal(), "padded");
    }
}

package io.github.stickyuploads.internal.token;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes and checks upload tokens: a versioned binary payload followed by its HMAC-SHA256, in URL-safe
 * base64 without padding. The payload binds the claims plus digests of the application, the owner and the
 * upload path, so a token is refused by another application sharing the secret, for another user and at
 * another endpoint; it names no Java class. It knows nothing of storages: whether the upload still exists is
 * for its reader to ask.
 *
 * <p>Payload, version 2: {@code version(1) expires(8) size(8) sha256(32) application-digest(16)
 * owner-digest(16) path-digest(16)} then four length-prefixed UTF-8 strings: storage, object id, content type,
 * filename. Version 1 tokens (without the application) are refused as malformed.
 */
public final class TokenCodec {

    /** Tokens longer than this are refused before any decoding (a minted token stays under 1 KB). */
    public static final int MAX_TOKEN_LENGTH = 1024;

    private static final byte VERSION = 2;
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_LENGTH = 32;
    private static final int DIGEST_LENGTH = 16;
    private static final int FIXED_LENGTH = 1 + 8 + 8 + 32 + 3 * DIGEST_LENGTH;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SigningKeys keys;
    private final byte[] applicationDigest;

    /**
     * @param keys the current secret and the previous ones
     * @param application the identity of the application whose tokens these are
     */
    public TokenCodec(SigningKeys keys, String application) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.applicationDigest = digest("application", application);
    }

    /**
     * @param claims what the token says
     * @param owner the principal name of the uploader
     * @param uploadPath the path of the endpoint that minted it, e.g. {@code /app/sticky-uploads/default}
     * @return the token, URL-safe
     * @throws IllegalArgumentException if the claims do not fit in a token under {@value #MAX_TOKEN_LENGTH} characters
     */
    public String mint(TokenClaims claims, String owner, String uploadPath) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeLong(claims.expires().getEpochSecond());
            out.writeLong(claims.size());
            out.write(claims.sha256());
            out.write(applicationDigest);
            out.write(digest("owner", owner));
            out.write(digest("path", uploadPath));
            for (String text : new String[] {claims.storage(), claims.objectId(), claims.contentType(), claims.filename()}) {
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                out.writeShort(utf8.length);
                out.write(utf8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] payload = bytes.toByteArray();
        byte[] signed = Arrays.copyOf(payload, payload.length + MAC_LENGTH);
        System.arraycopy(mac(keys.current(), payload), 0, signed, payload.length, MAC_LENGTH);
        String token = ENCODER.encodeToString(signed);
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new IllegalArgumentException("The claims do not fit in a token: " + claims);
        }
        return token;
    }

    /**
     * Checks a token's form, signature, expiry, application, upload path and owner, in that order.
     *
     * @param token what the client sent, possibly anything
     * @param owner the principal name of the current user
     * @param uploadPath the path of the endpoint the reader belongs to
     * @param now the current time
     * @return the claims, or why the token was refused
     */
    public TokenCheck verify(String token, String owner, String uploadPath, Instant now) {
        byte[] signed = decode(token);
        if (signed == null || signed.length < FIXED_LENGTH + MAC_LENGTH || signed[0] != VERSION) {
            return TokenCheck.refused(TokenRefusal.MALFORMED);
        }
        byte[] payload = Arrays.copyOf(signed, signed.length - MAC_LENGTH);
        byte[] signature = Arrays.copyOfRange(signed, payload.length, signed.length);
        if (keys.verifying().stream().noneMatch(key -> MessageDigest.isEqual(mac(key, payload), signature))) {
            return TokenCheck.refused(TokenRefusal.BAD_SIGNATURE);
        }
        ByteBuffer in = ByteBuffer.wrap(payload, 1, payload.length - 1);
        try {
            Instant expires = Instant.ofEpochSecond(in.getLong());
            long size = in.getLong();
            byte[] sha256 = take(in, 32);
            byte[] application = take(in, DIGEST_LENGTH);
            byte[] ownerDigest = take(in, DIGEST_LENGTH);
            byte[] pathDigest = take(in, DIGEST_LENGTH);
            String storage = text(in);
            String objectId = text(in);
            String contentType = text(in);
            String filename = text(in);
            if (in.hasRemaining()) {
                return TokenCheck.refused(TokenRefusal.MALFORMED);
            }
            if (!expires.isAfter(now)) {
                return TokenCheck.refused(TokenRefusal.EXPIRED);
            }
            if (!MessageDigest.isEqual(application, applicationDigest)) {
                return TokenCheck.refused(TokenRefusal.OTHER_APPLICATION);
            }
            if (!MessageDigest.isEqual(pathDigest, digest("path", uploadPath))) {
                return TokenCheck.refused(TokenRefusal.OTHER_PATH);
            }
            if (!MessageDigest.isEqual(ownerDigest, digest("owner", owner))) {
                return TokenCheck.refused(TokenRefusal.OTHER_OWNER);
            }
            return TokenCheck.accepted(new TokenClaims(storage, objectId, filename, size, contentType, sha256, expires));
        } catch (BufferUnderflowException | IllegalArgumentException | CharacterCodingException e) {
            return TokenCheck.refused(TokenRefusal.MALFORMED);
        }
    }

    private static byte[] decode(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return null;
        }
        try {
            byte[] bytes = DECODER.decode(token);
            // Only the canonical encoding is a token: no padding, no alternative trailing bits.
            return ENCODER.encodeToString(bytes).equals(token) ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] take(ByteBuffer in, int length) {
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    private static String text(ByteBuffer in) throws CharacterCodingException {
        int length = Short.toUnsignedInt(in.getShort());
        if (length > in.remaining()) {
            throw new BufferUnderflowException();
        }
        ByteBuffer utf8 = in.slice(in.position(), length);
        in.position(in.position() + length);
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(utf8).toString();
    }

    private static byte[] digest(String purpose, String value) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(purpose.getBytes(StandardCharsets.US_ASCII));
            sha256.update((byte) 0);
            sha256.update(Objects.requireNonNull(value, purpose).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(sha256.digest(), DIGEST_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static byte[] mac(byte[] key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is missing from this JVM", e);
        }
    }
}

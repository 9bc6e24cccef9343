package io.github.stickyuploads.s3;

import io.github.stickyuploads.storage.UploadMetadata;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the s3 storage keeps what, under its prefix, and how an id maps to a key. Everything a quota or a purge
 * needs is in the key itself, so that a listing answers them without a HEAD per object:
 * <pre>
 * &lt;prefix&gt;&lt;owner-key&gt;/&lt;expiry&gt;-&lt;random&gt;     an upload: owner-key = 16 hex of SHA-256(owner),
 *                                          expiry = epoch seconds, 10 hex, random = 32 hex
 * &lt;prefix&gt;.deleted/&lt;id&gt;                    the claim of whoever deleted (or purged) that upload
 * &lt;prefix&gt;.probe-&lt;random&gt;                  the startup check's probe, deleted at once
 * </pre>
 * The id is the upload key's three parts run together ({@code [0-9a-f]{58}}); only an id of exactly that form is
 * ever turned into a key, so a forged id names, at worst, an upload that does not exist.
 */
final class Layout {

    /** Owner key, expiry and random part of an id. */
    private static final Pattern ID = Pattern.compile("([0-9a-f]{16})([0-9a-f]{10})([0-9a-f]{32})");
    private static final String UPLOAD_KEY = "([0-9a-f]{16})/([0-9a-f]{10})-([0-9a-f]{32})";
    private static final String CLAIMS = ".deleted/";
    private static final String PROBE = ".probe-";
    /** The largest expiry 10 hex digits hold, in the year 36812. */
    private static final long MAX_EXPIRY = 0xff_ffff_ffffL;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    // Metadata names: lowercase only (S3Proxy's GET answers them in the case they were sent, and the SDK's map is
    // case-sensitive); values ASCII only (a raw UTF-8 value breaks the signature), hence base64url for text.
    static final String META_FILENAME = "filename";
    static final String META_OWNER = "owner";
    static final String META_CONTENT_TYPE = "content-type";
    static final String META_EXPIRES = "expires";
    static final String META_CLAIM = "claim";

    private final String prefix;
    private final Pattern uploadKey;
    private final Pattern claimKey;

    Layout(String prefix) {
        this.prefix = prefix;
        this.uploadKey = Pattern.compile(Pattern.quote(prefix) + UPLOAD_KEY);
        this.claimKey = Pattern.compile(Pattern.quote(prefix + CLAIMS) + ID.pattern());
    }

    /** @return the prefix of everything this storage keeps */
    String prefix() {
        return prefix;
    }

    /** @return a new id for an upload of that owner that expires then */
    static String newId(String owner, Instant expires) {
        return ownerKey(owner) + String.format("%010x", expirySeconds(expires)) + newRandom();
    }

    /** @return whether the text has the form of an id this storage issues */
    static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** @return when the upload of that id expires, to the second (rounded up, so never before it really does) */
    static Instant expires(String id) {
        return Instant.ofEpochSecond(Long.parseLong(id.substring(16, 26), 16));
    }

    /** @return the key of the upload of a valid id */
    String uploadKey(String id) {
        Matcher parts = ID.matcher(id);
        if (!parts.matches()) {
            throw new IllegalArgumentException("not an id of the s3 storage");
        }
        return prefix + parts.group(1) + "/" + parts.group(2) + "-" + parts.group(3);
    }

    /** @return the id of an upload key, empty for any other key */
    Optional<String> idOfUploadKey(String key) {
        Matcher parts = uploadKey.matcher(key);
        return parts.matches() ? Optional.of(parts.group(1) + parts.group(2) + parts.group(3)) : Optional.empty();
    }

    /** @return the key of the claim on an upload, which whoever deletes or purges it creates first */
    String claimKey(String id) {
        return prefix + CLAIMS + id;
    }

    /** @return the id whose claim this key is, empty for any other key */
    Optional<String> idOfClaimKey(String key) {
        return claimKey.matcher(key).matches() ? Optional.of(key.substring(prefix.length() + CLAIMS.length()))
                : Optional.empty();
    }

    /** @return the prefix of one owner's uploads */
    String ownerPrefix(String owner) {
        return prefix + ownerKey(owner) + "/";
    }

    /** @return the prefix of every claim */
    String claimsPrefix() {
        return prefix + CLAIMS;
    }

    /** @return a new key for the startup check's probe */
    String newProbeKey() {
        return prefix + PROBE + newRandom();
    }

    /** @return whether the key is a probe's */
    boolean isProbeKey(String key) {
        return key.startsWith(prefix + PROBE) && key.indexOf('/', prefix.length()) < 0;
    }

    /** @return 32 random hex digits */
    static String newRandom() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return HEX.formatHex(random);
    }

    /** @return the first 16 hex digits of the SHA-256 of the owner's name */
    static String ownerKey(String owner) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(owner.getBytes(StandardCharsets.UTF_8));
            return HEX.formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static long expirySeconds(Instant expires) {
        long seconds = expires.getEpochSecond() + (expires.getNano() > 0 ? 1 : 0);
        return Math.max(0, Math.min(MAX_EXPIRY, seconds));
    }

    // ---- Object metadata -----------------------------------------------------------------------------------

    /** @return the user metadata that keeps what the library knew of an upload before its bytes */
    static Map<String, String> metadataOf(UploadMetadata metadata) {
        Map<String, String> encoded = new LinkedHashMap<>();
        encoded.put(META_FILENAME, text(metadata.filename()));
        encoded.put(META_OWNER, text(metadata.owner()));
        encoded.put(META_CONTENT_TYPE, text(metadata.contentType()));
        encoded.put(META_EXPIRES, metadata.expires().toString());
        return encoded;
    }

    /** @return the metadata of an upload, from its user metadata; empty when it is not this storage's */
    static Optional<UploadMetadata> uploadMetadata(Map<String, String> encoded) {
        try {
            String filename = encoded.get(META_FILENAME);
            String owner = encoded.get(META_OWNER);
            String contentType = encoded.get(META_CONTENT_TYPE);
            String expires = encoded.get(META_EXPIRES);
            if (filename == null || owner == null || contentType == null || expires == null) {
                return Optional.empty();
            }
            return Optional.of(new UploadMetadata(untext(filename), untext(contentType), untext(owner), Instant.parse(expires)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String text(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String untext(String value) {
        return new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
    }
}

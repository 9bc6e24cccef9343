package io.github.stickyuploads.s3.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
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
public final class Layout {

    /** Owner key, expiry and random part of an id. */
    private static final Pattern ID = Pattern.compile("([0-9a-f]{16})([0-9a-f]{10})([0-9a-f]{32})");
    private static final String UPLOAD_KEY = "([0-9a-f]{16})/([0-9a-f]{10})-([0-9a-f]{32})";
    private static final String CLAIMS = ".deleted/";
    private static final String PROBE = ".probe-";
    /** The largest expiry 10 hex digits hold, in the year 36812. */
    private static final long MAX_EXPIRY = 0xff_ffff_ffffL;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private final String prefix;
    private final Pattern uploadKey;
    private final Pattern claimKey;

    /** @param prefix the checked prefix of the settings: empty, or ending in {@code /} */
    public Layout(String prefix) {
        this.prefix = prefix;
        this.uploadKey = Pattern.compile(Pattern.quote(prefix) + UPLOAD_KEY);
        this.claimKey = Pattern.compile(Pattern.quote(prefix + CLAIMS) + ID.pattern());
    }

    /** @return the prefix of everything this storage keeps */
    public String prefix() {
        return prefix;
    }

    /** @return a new id for an upload of that owner that expires then */
    public static String newId(String owner, Instant expires) {
        return ownerKey(owner) + String.format("%010x", expirySeconds(expires)) + newRandom();
    }

    /** @return whether the text has the form of an id this storage issues */
    public static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** @return when the upload of that id expires, to the second (rounded up, so never before it really does) */
    public static Instant expires(String id) {
        return Instant.ofEpochSecond(Long.parseLong(id.substring(16, 26), 16));
    }

    /** @return the key of the upload of a valid id */
    public String uploadKey(String id) {
        Matcher parts = ID.matcher(id);
        if (!parts.matches()) {
            throw new IllegalArgumentException("not an id of the s3 storage");
        }
        return prefix + parts.group(1) + "/" + parts.group(2) + "-" + parts.group(3);
    }

    /** @return the id of an upload key, empty for any other key */
    public Optional<String> idOfUploadKey(String key) {
        Matcher parts = uploadKey.matcher(key);
        return parts.matches() ? Optional.of(parts.group(1) + parts.group(2) + parts.group(3)) : Optional.empty();
    }

    /** @return the key of the claim on an upload, which whoever deletes or purges it creates first */
    public String claimKey(String id) {
        return prefix + CLAIMS + id;
    }

    /** @return the id whose claim this key is, empty for any other key */
    public Optional<String> idOfClaimKey(String key) {
        return claimKey.matcher(key).matches() ? Optional.of(key.substring(prefix.length() + CLAIMS.length()))
                : Optional.empty();
    }

    /** @return the prefix of one owner's uploads */
    public String ownerPrefix(String owner) {
        return prefix + ownerKey(owner) + "/";
    }

    /** @return a new key for the startup check's probe */
    public String newProbeKey() {
        return prefix + PROBE + newRandom();
    }

    /** @return whether the key is a probe's */
    public boolean isProbeKey(String key) {
        return key.startsWith(prefix + PROBE) && key.indexOf('/', prefix.length()) < 0;
    }

    /** @return 32 random hex digits */
    public static String newRandom() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return HEX.formatHex(random);
    }

    /** @return the first 16 hex digits of the SHA-256 of the owner's name */
    public static String ownerKey(String owner) {
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
}

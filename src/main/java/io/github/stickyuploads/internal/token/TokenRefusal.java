package io.github.stickyuploads.internal.token;

/**
 * Why a token gives no file. The codec decides the first ones from the token alone; the rest are decided when
 * the token is resolved against its storage and the request that carries it. The {@link #reason()} is what the
 * log says; the token itself is never logged.
 */
public enum TokenRefusal {
    /** Not a token at all: empty, cut, padded, re-encoded, too long, or of an unknown format. */
    MALFORMED("it is malformed", Concern.SUSPICIOUS),
    /** Well-formed, but no current or previous secret produced its signature. */
    BAD_SIGNATURE("its signature does not verify with the current or a previous secret", Concern.SUSPICIOUS),
    /** Past its expiry. */
    EXPIRED("it has expired", Concern.ORDINARY),
    /** Minted by another application that shares the secret. */
    OTHER_APPLICATION("it was minted by another application", Concern.SUSPICIOUS),
    /** Minted by another upload endpoint than the one that reads it. */
    OTHER_PATH("it was minted for another upload path", Concern.SUSPICIOUS),
    /** Minted for another user. */
    OTHER_OWNER("it belongs to another user", Concern.SUSPICIOUS),
    /** Names a storage that does not exist in this application. */
    UNKNOWN_STORAGE("its storage is unknown here", Concern.SUSPICIOUS),
    /** The stored upload is gone (released, purged, or never there). */
    OBJECT_GONE("its stored file no longer exists", Concern.ORDINARY),
    /** The stored upload exists but no longer has the size the token recorded. */
    SIZE_DIFFERS("its stored file no longer has the recorded size", Concern.SUSPICIOUS),
    /** The storage could not be asked whether the upload exists. */
    STORAGE_FAILED("its storage could not be read", Concern.SUSPICIOUS),
    /** Another input of the same form post already holds this upload. */
    ALREADY_CLAIMED("another input of the same request holds its file", Concern.SUSPICIOUS),
    /** More tokens came for one input than it can hold; the extra ones are not read at all. */
    NOT_READ("the input already holds as many files as it can", Concern.SUSPICIOUS);

    /**
     * Whether a refusal is worth an administrator's attention: users keep forms open past the expiry and remove a
     * file twice every day, while a forged, foreign or unreadable token means tampering, misconfiguration or a
     * failing storage.
     */
    public enum Concern {
        /** What users cause in normal use: logged at INFO. */
        ORDINARY,
        /** Tampering, a misconfiguration or a failure: logged at WARNING. */
        SUSPICIOUS
    }

    private final String reason;
    private final Concern concern;

    TokenRefusal(String reason, Concern concern) {
        this.reason = reason;
        this.concern = concern;
    }

    /** @return whether this refusal deserves a WARNING */
    public Concern concern() {
        return concern;
    }

    /** @return the reason, for the log line */
    public String reason() {
        return reason;
    }
}

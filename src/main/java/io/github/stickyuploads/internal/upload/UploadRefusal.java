package io.github.stickyuploads.internal.upload;

import java.util.List;
import java.util.Objects;

/**
 * Why an upload, or a request around one, was refused: a domain value that each road renders its own way (the
 * endpoint as an HTTP status and JSON, the Faces tag as a message at the input), in one place each.
 *
 * @param reason what was wrong
 * @param arguments the values of the message's placeholders, e.g. the limit that was exceeded
 */
public record UploadRefusal(Reason reason, List<Object> arguments) {

    /** Checks and copies. */
    public UploadRefusal {
        Objects.requireNonNull(reason, "reason");
        arguments = List.copyOf(arguments);
    }

    /**
     * @param reason what was wrong
     * @param arguments the message's placeholders
     * @return the refusal
     */
    public static UploadRefusal of(Reason reason, Object... arguments) {
        return new UploadRefusal(reason, List.of(arguments));
    }

    /** @return the refusal as an exception, to end the request */
    public UploadRefusedException exception() {
        return new UploadRefusedException(this);
    }

    /** What a refusal concerns: the file, or the request as a whole. */
    public enum Concern {
        /** The file itself: missing, empty, too large, of a type not accepted. */
        FILE,
        /** Who sent it, how, or where it would go. */
        REQUEST
    }

    /** The reasons, each with its message key in the library's bundle. */
    public enum Reason {
        /** Nobody is logged in. */
        UNAUTHENTICATED("access.unauthenticated", Concern.REQUEST),
        /** The user lacks the endpoint's roles, or its policy refuses them. */
        FORBIDDEN("access.forbidden", Concern.REQUEST),
        /** The request did not come from this site's script (no {@code X-Requested-With}, a foreign Origin). */
        CROSS_SITE("access.cross-site", Concern.REQUEST),
        /** A method the endpoint does not answer; argument: the method. */
        METHOD_NOT_ALLOWED("request.method-not-allowed", Concern.REQUEST),
        /** No such upload, or no such endpoint. */
        NOT_FOUND("request.not-found", Concern.REQUEST),
        /** Not a complete, well-formed multipart/form-data request. */
        MALFORMED("upload.malformed", Concern.REQUEST),
        /** No file in the request. */
        REQUIRED("upload.required", Concern.FILE),
        /** A file without bytes. */
        EMPTY("upload.empty", Concern.FILE),
        /** Several files where one is taken. */
        MULTIPLE("upload.multiple", Concern.FILE),
        /** Larger than the endpoint's limit; argument: the limit. */
        TOO_LARGE("upload.too-large", Concern.FILE),
        /** Content of a type the endpoint does not accept; argument: the type. */
        TYPE_NOT_ALLOWED("upload.type-not-allowed", Concern.FILE),
        /** The user has as many waiting uploads as allowed; argument: the quota. */
        QUOTA_FILES("quota.files", Concern.REQUEST),
        /** The user's waiting uploads would take more bytes than allowed; argument: the quota. */
        QUOTA_BYTES("quota.bytes", Concern.REQUEST),
        /** The storage has no room left. */
        STORAGE_FULL("storage.full", Concern.REQUEST),
        /** The storage failed. */
        STORAGE_UNAVAILABLE("storage.unavailable", Concern.REQUEST),
        /** Anything else that went wrong. */
        FAILED("request.failed", Concern.REQUEST);

        private final String messageKey;
        private final Concern concern;

        Reason(String messageKey, Concern concern) {
            this.messageKey = messageKey;
            this.concern = concern;
        }

        /** @return the key of its message in the library's bundle */
        public String messageKey() {
            return messageKey;
        }

        /** @return what it concerns */
        public Concern concern() {
            return concern;
        }
    }
}

package io.github.stickyuploads.internal.upload;

import java.util.List;

/**
 * An upload that is refused with an answer for the client: the HTTP status, the field the message belongs
 * to, and the message's key and arguments in the message bundle.
 */
public final class UploadRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;
    private final String messageKey;
    private final transient List<Object> arguments;

    /**
     * @param status the HTTP status
     * @param field {@code upload} or {@code __all__}
     * @param messageKey the key in the message bundle
     * @param arguments the message's placeholders
     */
    public UploadRejectedException(int status, String field, String messageKey, Object... arguments) {
        super(messageKey, null, false, false);
        this.status = status;
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the field the message belongs to */
    public String field() {
        return field;
    }

    /** @return the key in the message bundle */
    public String messageKey() {
        return messageKey;
    }

    /** @return the message's placeholders */
    public Object[] arguments() {
        return arguments.toArray();
    }
}

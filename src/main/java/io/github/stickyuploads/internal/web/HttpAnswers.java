package io.github.stickyuploads.internal.web;

import io.github.stickyuploads.internal.messages.Messages;
import io.github.stickyuploads.internal.store.StoredUpload;
import io.github.stickyuploads.internal.upload.UploadRefusal;
import io.github.stickyuploads.internal.upload.UploadRefusal.Concern;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * What the upload endpoint answers (contract section 1), in one place: the JSON bodies, always
 * {@code application/json; charset=UTF-8}, the HTTP status of each refusal, and the key its message goes under
 * ({@value #FILE_FIELD} for the file, {@value #REQUEST_FIELD} for the request).
 */
public final class HttpAnswers {

    /** The multipart field of the file, and the error key of refusals that concern it. */
    public static final String FILE_FIELD = "upload";
    /** The error key of refusals that concern the request as a whole. */
    public static final String REQUEST_FIELD = "__all__";
    /** The content type of every answer. */
    public static final String JSON = "application/json; charset=UTF-8";

    /**
     * Made once: each {@code Json.createObjectBuilder()} looks the JSON provider up through the ServiceLoader,
     * which scanned the WAR's jars on every request and took about a quarter of a small upload's CPU time.
     */
    private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(null);

    private HttpAnswers() {
    }

    /**
     * @param refusal a refusal
     * @return its HTTP status
     */
    public static int status(UploadRefusal refusal) {
        return switch (refusal.reason()) {
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN, CROSS_SITE -> 403;
            case NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case MALFORMED, REQUIRED, EMPTY, MULTIPLE -> 400;
            case TOO_LARGE -> 413;
            case TYPE_NOT_ALLOWED -> 415;
            case QUOTA_FILES, QUOTA_BYTES -> 429;
            case STORAGE_FULL -> 507;
            case STORAGE_UNAVAILABLE -> 503;
            case FAILED -> 500;
        };
    }

    /**
     * @param upload what was stored
     * @return 200 with {@code is_valid: true}
     */
    public static Response stored(StoredUpload upload) {
        String body = BUILDERS.createObjectBuilder()
                .add("is_valid", true)
                .add("filename", upload.filename())
                .add("size", upload.size())
                .add("content_type", upload.contentType())
                .addNull("url")
                .add("stored", upload.token())
                .add("expires", upload.expires().toString())
                .build().toString();
        return Response.ok(body, JSON).build();
    }

    /**
     * @param refusal why
     * @param languages the request's languages, most wanted first
     * @return the refusal as a JAX-RS answer
     */
    public static Response refused(UploadRefusal refusal, List<Locale> languages) {
        return Response.status(status(refusal)).type(JSON).entity(errorBody(refusal, languages)).build();
    }

    /**
     * Writes a refusal on a servlet response that is not committed yet, replacing whatever it held.
     *
     * @param response the response
     * @param refusal why
     * @param languages the request's languages, most wanted first
     * @throws IOException if the client is gone
     */
    public static void write(HttpServletResponse response, UploadRefusal refusal, List<Locale> languages) throws IOException {
        write(response, refusal, languages, status(refusal));
    }

    /**
     * Writes a refusal with a status that the framework chose, e.g. for an error it found itself.
     *
     * @param response the response, not committed yet
     * @param refusal what to say
     * @param languages the request's languages, most wanted first
     * @param status the HTTP status
     * @throws IOException if the client is gone
     */
    public static void write(HttpServletResponse response, UploadRefusal refusal, List<Locale> languages, int status)
            throws IOException {
        byte[] body = errorBody(refusal, languages).getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(JSON);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    private static String errorBody(UploadRefusal refusal, List<Locale> languages) {
        String field = refusal.reason().concern() == Concern.FILE ? FILE_FIELD : REQUEST_FIELD;
        String message = Messages.get(refusal.reason().messageKey(), languages, refusal.arguments().toArray());
        return BUILDERS.createObjectBuilder()
                .add("is_valid", false)
                .add("errors", BUILDERS.createObjectBuilder().add(field, BUILDERS.createArrayBuilder().add(message)))
                .build().toString();
    }
}

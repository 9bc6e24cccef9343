package io.github.stickyuploads.internal.web;

import io.github.stickyuploads.internal.upload.UploadRefusal;
import io.github.stickyuploads.internal.upload.UploadRefusal.Reason;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The response as the JAX-RS implementation sees it: an error it would hand to the container's error page
 * ({@code sendError}, which Jersey, RESTEasy and CXF all use for answers without a body of their own) is written
 * as the endpoint's JSON instead, with the same status.
 */
final class JsonErrorResponse extends HttpServletResponseWrapper {

    private final HttpServletRequest request;
    private final List<Locale> languages;

    JsonErrorResponse(HttpServletRequest request, HttpServletResponse response, List<Locale> languages) {
        super(response);
        this.request = request;
        this.languages = languages;
    }

    @Override
    public void sendError(int status) throws IOException {
        sendError(status, null);
    }

    @Override
    public void sendError(int status, String ignoredMessage) throws IOException {
        if (isCommitted()) {
            throw new IllegalStateException("The response is already committed");
        }
        UploadRefusal refusal = switch (status) {
            case 400, 411, 415 -> UploadRefusal.of(Reason.MALFORMED);
            case 401 -> UploadRefusal.of(Reason.UNAUTHENTICATED);
            case 403 -> UploadRefusal.of(Reason.FORBIDDEN);
            case 404 -> UploadRefusal.of(Reason.NOT_FOUND);
            case 405 -> UploadRefusal.of(Reason.METHOD_NOT_ALLOWED, request.getMethod());
            case 503 -> UploadRefusal.of(Reason.STORAGE_UNAVAILABLE);
            default -> UploadRefusal.of(Reason.FAILED);
        };
        HttpAnswers.write((HttpServletResponse) getResponse(), refusal, languages, status);
    }
}

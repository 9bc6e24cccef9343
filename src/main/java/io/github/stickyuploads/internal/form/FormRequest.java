package io.github.stickyuploads.internal.form;

import io.github.stickyuploads.internal.store.StoredUpload;
import io.github.stickyuploads.internal.store.TokenRefusals;
import io.github.stickyuploads.internal.token.TokenRefusal;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What one form post did with sticky uploads, across all its {@code <sticky:upload>} inputs: which input holds
 * which upload (an upload is held by one input only, so the same token in two inputs gives one file), which
 * tokens gave no file (logged once, as one line, when the request ends), and the container's multipart parts,
 * every one of which is deleted when the request ends: whatever the container spooled to disk for this
 * request, files and text fields alike, does not outlive it. It lives in an attribute of the request, and its
 * {@link Cleanup} listener ends it with the request.
 */
public final class FormRequest {

    private static final Logger LOG = Logger.getLogger("io.github.stickyuploads");
    private static final String ATTRIBUTE = FormRequest.class.getName();

    private final Map<String, String> holders = new HashMap<>();
    private final TokenRefusals refusals = new TokenRefusals();
    private HttpServletRequest multipartRequest;
    private String user;

    private FormRequest() {
    }

    /**
     * @param request a request
     * @return what its form post did so far
     */
    static FormRequest of(HttpServletRequest request) {
        Object form = request.getAttribute(ATTRIBUTE);
        if (form instanceof FormRequest existing) {
            return existing;
        }
        FormRequest created = new FormRequest();
        request.setAttribute(ATTRIBUTE, created);
        return created;
    }

    /**
     * Lets an input hold an upload, unless another input of this request holds it already.
     *
     * @param upload the upload
     * @param clientId the input's client id
     * @return whether the input holds it now
     */
    boolean hold(StoredUpload upload, String clientId) {
        String key = upload.claims().storage() + "/" + upload.claims().objectId();
        return holders.putIfAbsent(key, clientId) == null || clientId.equals(holders.get(key));
    }

    /**
     * @param upload an upload
     * @return the client id of the input that holds it in this request
     */
    Optional<String> holderOf(StoredUpload upload) {
        return Optional.ofNullable(holders.get(upload.claims().storage() + "/" + upload.claims().objectId()));
    }

    /**
     * @param refusal why a token gave no file
     * @param user who sent it
     */
    void refused(TokenRefusal refusal, String user) {
        this.user = user;
        refusals.add(refusal, 1);
    }

    /**
     * The file parts of one input, and the promise that every part of this request is deleted when it ends.
     *
     * @param request the request
     * @param name the file input's name
     * @return its parts with a file name, in the order sent
     */
    List<Part> fileParts(HttpServletRequest request, String name) {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return List.of();
        }
        multipartRequest = request;
        try {
            return request.getParts().stream()
                    .filter(part -> name.equals(part.getName()))
                    .filter(part -> part.getSubmittedFileName() != null && !part.getSubmittedFileName().isEmpty())
                    .toList();
        } catch (IOException | RuntimeException | jakarta.servlet.ServletException e) {
            LOG.log(Level.INFO, "The form's multipart body could not be read: " + e.getMessage());
            return List.of();
        }
    }

    /**
     * Deletes a part's temporary file now, rather than when the request ends.
     *
     * @param part a part
     */
    static void delete(Part part) {
        try {
            part.delete();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not delete a part of a form post", e);
        }
    }

    private void ended() {
        if (multipartRequest != null) {
            try {
                multipartRequest.getParts().forEach(FormRequest::delete);
            } catch (IOException | RuntimeException | jakarta.servlet.ServletException e) {
                LOG.log(Level.FINE, "The parts of a form post are gone already", e);
            }
        }
        refusals.log("a form post" + (multipartRequest == null ? "" : " to " + multipartRequest.getRequestURI()), user);
    }

    /** Ends the {@link FormRequest} of every request that had one; registered by the library's initializer. */
    public static final class Cleanup implements ServletRequestListener {

        @Override
        public void requestDestroyed(ServletRequestEvent event) {
            ServletRequest request = event.getServletRequest();
            if (request.getAttribute(ATTRIBUTE) instanceof FormRequest form) {
                request.removeAttribute(ATTRIBUTE);
                form.ended();
            }
        }
    }
}

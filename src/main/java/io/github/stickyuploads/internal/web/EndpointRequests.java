package io.github.stickyuploads.internal.web;

import io.github.stickyuploads.internal.endpoint.UploadEndpoint;
import io.github.stickyuploads.internal.endpoint.UploadEndpoints;
import io.github.stickyuploads.internal.multipart.BoundedStream;
import io.github.stickyuploads.internal.multipart.MultipartParser;
import io.github.stickyuploads.internal.store.Resolution;
import io.github.stickyuploads.internal.store.StoredUpload;
import io.github.stickyuploads.internal.store.TemporaryUploads;
import io.github.stickyuploads.internal.store.TokenRefusals;
import io.github.stickyuploads.internal.upload.Admission;
import io.github.stickyuploads.internal.upload.UploadPipeline;
import io.github.stickyuploads.internal.upload.UploadRefusal;
import io.github.stickyuploads.internal.upload.UploadRefusal.Reason;
import io.github.stickyuploads.internal.upload.UploadRefusedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the upload endpoint's two methods do once the {@link EndpointGate} has admitted the request: read the
 * multipart body as it streams in and hand its one file to the {@link UploadPipeline}, or release an upload.
 * The JAX-RS resource only forwards to it.
 */
@ApplicationScoped
public class EndpointRequests {

    private static final Logger LOG = Logger.getLogger("io.github.stickyuploads");

    @Inject
    UploadPipeline pipeline;

    @Inject
    TemporaryUploads uploads;

    @Inject
    UploadEndpoints endpoints;

    /**
     * Stores the one {@value HttpAnswers#FILE_FIELD} file of a multipart body.
     *
     * @param resource the class of the resource that received it
     * @param request the request, admitted by the gate
     * @param body the body, read as it streams
     * @return 200 with the token, or the refusal
     */
    public Response upload(Class<?> resource, HttpServletRequest request, InputStream body) {
        List<Locale> languages = EndpointGate.languages(request);
        Optional<Admission> admission = EndpointGate.admission(request)
                .filter(admitted -> endpoints.forResource(resource).filter(admitted.endpoint()::equals).isPresent());
        if (admission.isEmpty()) {
            return notThroughTheGate(resource, languages);
        }
        Optional<String> boundary = MultipartParser.boundary(request.getHeader("Content-Type"));
        if (boundary.isEmpty()) {
            return HttpAnswers.refused(UploadRefusal.of(Reason.MALFORMED), languages);
        }
        BoundedStream limited = new BoundedStream(body, EndpointGate.bound(admission.get()), admission.get().limit());
        try {
            return HttpAnswers.stored(storeOnePart(admission.get(), new MultipartParser(limited, boundary.get())));
        } catch (UploadRefusedException e) {
            if (HttpAnswers.status(e.refusal()) == 413) {
                EndpointGate.drain(body, limited.count(), 2 * EndpointGate.bound(admission.get()));
            }
            return HttpAnswers.refused(e.refusal(), languages);
        }
    }

    private StoredUpload storeOnePart(Admission admission, MultipartParser parts) throws UploadRefusedException {
        StoredUpload stored = null;
        try {
            for (Optional<MultipartParser.Part> next = parts.nextPart(); next.isPresent(); next = parts.nextPart()) {
                MultipartParser.Part part = next.get();
                if (!HttpAnswers.FILE_FIELD.equals(part.fieldName()) || part.filename() == null || part.filename().isEmpty()) {
                    continue; // a text field, or a file input left empty; the parser skips its bytes
                }
                if (stored != null) {
                    throw UploadRefusal.of(Reason.MULTIPLE).exception();
                }
                stored = pipeline.receive(admission, part.content(), part.filename());
            }
        } catch (IOException e) {
            uploads.discard(stored);
            throw UploadPipeline.clientFailed(e, admission);
        } catch (UploadRefusedException e) {
            uploads.discard(stored);
            throw e;
        }
        if (stored == null) {
            throw UploadRefusal.of(Reason.REQUIRED).exception();
        }
        return stored;
    }

    /**
     * Releases a temporary upload of the caller's (the "Remove" action).
     *
     * @param resource the class of the resource that received it
     * @param request the request, admitted by the gate
     * @param token the token the upload answered with
     * @return 204, or 404 when the token is invalid, foreign or unknown
     */
    public Response release(Class<?> resource, HttpServletRequest request, String token) {
        List<Locale> languages = EndpointGate.languages(request);
        Optional<UploadEndpoint> endpoint = endpoints.forResource(resource);
        Optional<String> releaser = EndpointGate.releaser(request);
        if (endpoint.isEmpty() || releaser.isEmpty()) {
            return notThroughTheGate(resource, languages);
        }
        if (token == null || token.isEmpty()) {
            return HttpAnswers.refused(UploadRefusal.of(Reason.NOT_FOUND), languages);
        }
        Resolution resolution = uploads.resolve(token, releaser.get(), endpoint.get());
        if (resolution.refusal().isPresent()) {
            TokenRefusals refusals = new TokenRefusals();
            refusals.add(resolution.refusal().get(), 1);
            refusals.log(endpoint.get().path(), releaser.get());
            return HttpAnswers.refused(UploadRefusal.of(Reason.NOT_FOUND), languages);
        }
        try {
            return uploads.release(resolution.upload().orElseThrow()) ? Response.noContent().build()
                    : HttpAnswers.refused(UploadRefusal.of(Reason.NOT_FOUND), languages);
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "Storage " + endpoint.get().storage() + " failed to delete an upload", e);
            return HttpAnswers.refused(UploadRefusal.of(Reason.STORAGE_UNAVAILABLE), languages);
        }
    }

    /** A request that reached the resource without the gate's admission: the gate is not installed for it. */
    private static Response notThroughTheGate(Class<?> resource, List<Locale> languages) {
        LOG.severe(() -> "An upload request reached " + resource.getName() + " without the library's gate; "
                + "is the jar's ServletContainerInitializer excluded by an <absolute-ordering>?");
        return HttpAnswers.refused(UploadRefusal.of(Reason.FAILED), languages);
    }
}

package io.github.stickyuploads.web;

import io.github.stickyuploads.config.StickyUploadsConfig;
import io.github.stickyuploads.internal.token.StoredStickyFile;
import io.github.stickyuploads.internal.token.TokenService;
import io.github.stickyuploads.internal.token.UploadPaths;
import io.github.stickyuploads.internal.upload.MultipartParser;
import io.github.stickyuploads.internal.upload.UploadProcessor;
import io.github.stickyuploads.internal.upload.UploadProcessor.StoredUpload;
import io.github.stickyuploads.internal.upload.UploadRejectedException;
import io.github.stickyuploads.internal.web.JsonAnswers;
import io.github.stickyuploads.internal.web.Messages;
import io.github.stickyuploads.security.UploadPolicy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An upload endpoint: {@code POST} stores the multipart file part {@code upload} while it streams in and
 * answers JSON with a signed token; {@code DELETE ...?stored=<token>} releases it. The library's own endpoint,
 * {@link DefaultUploadResource} at {@code {context-root}/sticky-uploads/default}, is available as soon as the
 * jar is in {@code WEB-INF/lib}, next to any JAX-RS application of your own. Every answer is JSON; see the
 * README for the table of answers.
 *
 * <h2>Access</h2>
 * {@code @RolesAllowed("**")}: any authenticated user (anonymous requests get 401), then the
 * {@link UploadPolicy} bean (403), then the CSRF defence: a non-empty {@code X-Requested-With} header and,
 * when present, an {@code Origin} naming this server (403). All of this happens before the body is read.
 *
 * <h2>Usage: a second endpoint</h2>
 * Subclass it (not {@link DefaultUploadResource}) under a path of your own, below {@code /sticky-uploads}, as
 * a CDI bean; override {@link #storageName()} to
 * keep its files elsewhere, {@link #isUploadAllowed(SecurityContext)} to admit other users, or put another
 * {@code @RolesAllowed} on the class. Tokens minted by one endpoint are refused by every other.
 * <pre>
 * &#64;Path("avatars") &#64;RequestScoped &#64;RolesAllowed("member")
 * public class AvatarUploads extends UploadResource {
 *     &#64;Override
 *     protected String storageName() {
 *         return "directory";
 *     }
 * }
 * </pre>
 * It answers at {@code {context-root}/sticky-uploads/avatars}; point the tag at it with
 * {@code url="#{request.contextPath}/sticky-uploads/avatars"}.
 *
 * @since 0.1
 */
@RolesAllowed("**")
public abstract class UploadResource {

    /** The multipart field that carries the file. */
    public static final String FIELD = JsonAnswers.UPLOAD;

    private static final Logger LOG = Logger.getLogger("io.github.stickyuploads");
    /** Room for the multipart framing around a file of the largest accepted size. */
    private static final long FRAMING_ALLOWANCE = 2L * MultipartParser.MAX_PART_HEADER_BYTES;

    @Inject
    StickyUploadsConfig config;

    @Inject
    UploadPolicy policy;

    @Inject
    UploadProcessor processor;

    @Inject
    TokenService tokens;

    /**
     * Stores the {@code upload} part.
     *
     * @param headers the request's headers
     * @param security the request's security context
     * @param uri the request's URI
     * @param body the multipart body, read as it streams
     * @return 200 with the token, or an error answer
     */
    @POST
    public Response upload(@Context HttpHeaders headers, @Context SecurityContext security, @Context UriInfo uri,
                           InputStream body) {
        try {
            if (!isUploadAllowed(security)) {
                throw new UploadRejectedException(403, JsonAnswers.ALL, "access.forbidden");
            }
            Optional<String> boundary = MultipartParser.boundary(headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
            if (boundary.isEmpty()) {
                throw new UploadRejectedException(400, JsonAnswers.ALL, "upload.malformed");
            }
            if (headers.getLength() > config.maxSize().bytes() + FRAMING_ALLOWANCE) {
                throw new UploadRejectedException(413, FIELD, "upload.too-large", config.maxSize());
            }
            StoredUpload stored = storeOnePart(new MultipartParser(body, boundary.get()),
                    security.getUserPrincipal().getName(), uploadPath(uri));
            return JsonAnswers.stored(stored.claims(), stored.token());
        } catch (UploadRejectedException e) {
            return JsonAnswers.error(e.status(), e.field(),
                    Messages.get(e.messageKey(), headers.getAcceptableLanguages(), e.arguments()));
        }
    }

    /**
     * Releases a temporary upload of the current user (the "Remove" action).
     *
     * @param token the token the upload answered with
     * @param headers the request's headers
     * @param security the request's security context
     * @param uri the request's URI
     * @return 204, or 404 when the token is invalid, foreign or unknown
     */
    @DELETE
    public Response release(@QueryParam("stored") String token, @Context HttpHeaders headers,
                            @Context SecurityContext security, @Context UriInfo uri) {
        Optional<StoredStickyFile> file = token == null ? Optional.empty()
                : tokens.resolve(token, security.getUserPrincipal().getName(), uploadPath(uri));
        try {
            if (file.isPresent() && file.get().release()) {
                return Response.noContent().build();
            }
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "Storage " + file.get().claims().storage() + " failed to delete an upload", e);
            return JsonAnswers.error(503, JsonAnswers.ALL, Messages.get("storage.unavailable", headers.getAcceptableLanguages()));
        }
        return JsonAnswers.error(404, JsonAnswers.ALL, Messages.get("request.not-found", headers.getAcceptableLanguages()));
    }

    /**
     * Names the storage this endpoint keeps its files in. Override it to give a second endpoint its own.
     *
     * @return a built-in storage name or the {@code @Named} name of an {@link io.github.stickyuploads.storage.UploadStorage} bean;
     *         by default {@value StickyUploadsConfig#STORAGE}
     */
    protected String storageName() {
        return config.storage();
    }

    /**
     * Decides whether this request may upload, after the roles check. Override it to give a second endpoint
     * its own rule; by default it asks the {@link UploadPolicy} bean.
     *
     * @param security the request's security context
     * @return whether the upload may go ahead
     */
    protected boolean isUploadAllowed(SecurityContext security) {
        return policy.isUploadAllowed(security);
    }

    private StoredUpload storeOnePart(MultipartParser parts, String owner, String uploadPath)
            throws UploadRejectedException {
        StoredUpload stored = null;
        try {
            for (Optional<MultipartParser.Part> next = parts.nextPart(); next.isPresent(); next = parts.nextPart()) {
                MultipartParser.Part part = next.get();
                if (!FIELD.equals(part.fieldName()) || part.filename() == null || part.filename().isEmpty()) {
                    continue; // a text field, or a file input left empty; the parser skips its bytes
                }
                if (stored != null) {
                    throw new UploadRejectedException(400, FIELD, "upload.multiple");
                }
                stored = processor.store(part.content(), part.filename(), owner, storageName(), uploadPath);
            }
        } catch (IOException e) {
            LOG.info(() -> "A malformed upload request by " + owner + ": " + e.getMessage());
            processor.discard(stored);
            throw new UploadRejectedException(400, JsonAnswers.ALL, "upload.malformed");
        } catch (UploadRejectedException e) {
            processor.discard(stored);
            throw e;
        }
        if (stored == null) {
            throw new UploadRejectedException(400, FIELD, "upload.required");
        }
        return stored;
    }

    private static String uploadPath(UriInfo uri) {
        return UploadPaths.normalize(uri.getAbsolutePath().toString());
    }
}

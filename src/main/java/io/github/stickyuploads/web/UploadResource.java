package io.github.stickyuploads.web;

import io.github.stickyuploads.config.DataSize;
import io.github.stickyuploads.config.MediaTypeRange;
import io.github.stickyuploads.config.StickyUploadsConfig;
import io.github.stickyuploads.internal.web.EndpointRequests;
import io.github.stickyuploads.internal.web.HttpAnswers;
import io.github.stickyuploads.security.UploadPolicy;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.util.List;

/**
 * An upload endpoint: {@code POST} stores the multipart file part {@value #FIELD} while it streams in and answers
 * JSON with a signed token; {@code DELETE ...?stored=<token>} releases it. The library's own endpoint,
 * {@link DefaultUploadResource} at {@code {context-root}/sticky-uploads/default}, is available as soon as the
 * jar is in {@code WEB-INF/lib}, next to any JAX-RS application of your own. Every answer is JSON; see the
 * README for the table of answers.
 *
 * <p>Each endpoint is described once, when the application starts: its path, the storage it keeps files in, its
 * roles, its policy and its limits. Both roads a file takes obey that description: the background upload to this
 * resource, and the form post without JavaScript of a {@code <sticky:upload>} whose {@code url} names it.
 *
 * <h2>Access</h2>
 * Any authenticated user (anonymous requests get 401); with {@code @RolesAllowed} on the subclass, only users in
 * one of its roles (403); then {@link #isUploadAllowed(SecurityContext)}, by default the {@link UploadPolicy}
 * bean (403); then the CSRF defence: a non-empty {@code X-Requested-With} header and, when present, an
 * {@code Origin} naming this server (403). All of this happens before a byte of the body is read, and the library
 * enforces it itself, whatever the server's own handling of {@code @RolesAllowed}.
 *
 * <h2>Usage: a second endpoint</h2>
 * Subclass it (not {@link DefaultUploadResource}) under a path of your own, below {@code /sticky-uploads}, as a
 * CDI bean; override {@link #storageName()} to keep its files elsewhere, {@link #isUploadAllowed(SecurityContext)}
 * to admit other users, {@link #maxSize()} and {@link #allowedTypes()} to accept other files, or put
 * {@code @RolesAllowed} on the class. Tokens minted by one endpoint are refused by every other.
 * <pre>
 * &#64;Path("avatars") &#64;RequestScoped &#64;RolesAllowed("member")
 * public class AvatarUploads extends UploadResource {
 *     &#64;Override
 *     protected String storageName() {
 *         return "directory";
 *     }
 *
 *     &#64;Override
 *     protected List&lt;MediaTypeRange&gt; allowedTypes() {
 *         return List.of(MediaTypeRange.parse("image/*"));
 *     }
 * }
 * </pre>
 * It answers at {@code {context-root}/sticky-uploads/avatars}; point the tag at it with
 * {@code url="#{request.contextPath}/sticky-uploads/avatars"}. {@link #storageName()}, {@link #maxSize()} and
 * {@link #allowedTypes()} are read once, at startup; {@link #isUploadAllowed(SecurityContext)} for every request.
 * Do not override {@link #upload} or {@link #release}: the deployment stops if a subclass does.
 *
 * @since 0.1
 */
public abstract class UploadResource {

    /**
     * The multipart field that carries the file.
     *
     * @since 0.1
     */
    public static final String FIELD = HttpAnswers.FILE_FIELD;

    @Inject
    StickyUploadsConfig config;

    @Inject
    UploadPolicy policy;

    @Inject
    EndpointRequests requests;

    /**
     * Stores the {@value #FIELD} part.
     *
     * @param request the request, already admitted
     * @param body the multipart body, read as it streams
     * @return 200 with the token, or an error answer
     * @since 0.1
     */
    @POST
    public Response upload(@Context HttpServletRequest request, InputStream body) {
        return requests.upload(getClass(), request, body);
    }

    /**
     * Releases a temporary upload of the current user (the "Remove" action).
     *
     * @param token the token the upload answered with
     * @param request the request, already admitted
     * @return 204, or 404 when the token is invalid, foreign or unknown
     * @since 0.1
     */
    @DELETE
    public Response release(@QueryParam("stored") String token, @Context HttpServletRequest request) {
        return requests.release(getClass(), request, token);
    }

    /**
     * Names the storage this endpoint keeps its files in. Override it to give a second endpoint its own.
     *
     * @return a built-in storage name or the {@code @Named} name of an {@link io.github.stickyuploads.storage.UploadStorage} bean;
     *         by default {@value StickyUploadsConfig#STORAGE}
     * @since 0.1
     */
    protected String storageName() {
        return config.storage();
    }

    /**
     * Decides whether this request may upload, after the roles check. Override it to give a second endpoint
     * its own rule; by default it asks the {@link UploadPolicy} bean.
     *
     * @param security the request's security context, of an authenticated user
     * @return whether the upload may go ahead
     * @since 0.1
     */
    protected boolean isUploadAllowed(SecurityContext security) {
        return policy.isUploadAllowed(security);
    }

    /**
     * The largest file this endpoint accepts. Override it to give a second endpoint its own limit.
     *
     * @return by default {@value StickyUploadsConfig#MAX_SIZE}
     * @since 0.1
     */
    protected DataSize maxSize() {
        return config.maxSize();
    }

    /**
     * The types this endpoint accepts, judged by the bytes. Override it to give a second endpoint its own.
     *
     * @return by default {@value StickyUploadsConfig#ALLOWED_TYPES}
     * @since 0.1
     */
    protected List<MediaTypeRange> allowedTypes() {
        return config.allowedTypes();
    }
}

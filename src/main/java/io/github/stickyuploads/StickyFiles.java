package io.github.stickyuploads;

import io.github.stickyuploads.internal.token.TokenService;
import io.github.stickyuploads.internal.token.UploadPaths;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;

/**
 * Turns the token that a form carried back into the {@link StickyFile} it stands for. The Faces tag does
 * this for you; call it yourself when your form is not a Faces form.
 *
 * <p>A token gives a file only if its signature verifies with the current or a previous secret, it has not
 * expired, it was minted by the endpoint you name, the current user uploaded it, and the storage still has
 * the file with the recorded size. Otherwise the answer is empty and one WARNING line names the reason.
 *
 * <h2>Usage</h2>
 * <pre>
 * &#64;Inject StickyFiles stickyFiles;
 *
 * Optional&lt;StickyFile&gt; resume = stickyFiles.find(request.getParameter("resume_token"),
 *         request.getContextPath() + "/sticky-uploads/default");
 * </pre>
 *
 * @since 0.1
 */
@ApplicationScoped
public class StickyFiles {

    @Inject
    TokenService tokens;

    @Inject
    SecurityContext securityContext;

    /**
     * Looks a token up for the user of the current request.
     *
     * @param token the value of the hidden token input, possibly anything
     * @param uploadUrl the endpoint the form's upload field points at: a path such as
     *        {@code /app/sticky-uploads/default} or an absolute URL
     * @return the file, or empty if the token gives none (also when nobody is logged in)
     */
    public Optional<StickyFile> find(String token, String uploadUrl) {
        return find(token, uploadUrl, securityContext.getCallerPrincipal());
    }

    /**
     * Looks a token up for a given user.
     *
     * @param token the value of the hidden token input, possibly anything
     * @param uploadUrl the endpoint the token must have been minted by
     * @param user the user who must have uploaded it; {@code null} gives no file
     * @return the file, or empty if the token gives none
     */
    public Optional<StickyFile> find(String token, String uploadUrl, Principal user) {
        if (user == null || token == null || token.isBlank()) {
            return Optional.empty();
        }
        return tokens.resolve(token, user.getName(), UploadPaths.normalize(uploadUrl)).map(StickyFile.class::cast);
    }
}

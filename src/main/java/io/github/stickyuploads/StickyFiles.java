package io.github.stickyuploads;

import java.security.Principal;
import java.util.Optional;

/**
 * Turns the token that a form carried back into the {@link StickyFile} it stands for. The Faces tag does
 * this for you; inject it where your form is not a Faces form (a servlet, Jakarta MVC, a JAX-RS form).
 *
 * <p>A token gives a file only if its signature verifies with the current or a previous secret, it has not
 * expired, it was minted by this application at the endpoint you name, the current user uploaded it, and the
 * storage still has the file with the recorded size. Otherwise the answer is empty and one WARNING line names
 * the reason (never the token).
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
public interface StickyFiles {

    /**
     * Looks a token up for the user of the current request.
     *
     * @param token the value of the hidden token input, possibly anything
     * @param uploadUrl the endpoint the form's upload field points at: a path such as
     *        {@code /app/sticky-uploads/default} or an absolute URL
     * @return the file, or empty if the token gives none (also when nobody is logged in)
     * @throws IllegalArgumentException if {@code uploadUrl} names no upload endpoint of this application
     * @since 0.1
     */
    Optional<StickyFile> find(String token, String uploadUrl);

    /**
     * Looks a token up for a given user.
     *
     * @param token the value of the hidden token input, possibly anything
     * @param uploadUrl the endpoint the token must have been minted by
     * @param user the user who must have uploaded it; {@code null} gives no file
     * @return the file, or empty if the token gives none
     * @throws IllegalArgumentException if {@code uploadUrl} names no upload endpoint of this application
     * @since 0.1
     */
    Optional<StickyFile> find(String token, String uploadUrl, Principal user);
}

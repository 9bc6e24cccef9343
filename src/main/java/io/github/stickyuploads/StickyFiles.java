package io.github.stickyuploads;

import jakarta.servlet.http.HttpServletRequest;
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

    /**
     * Reads what one sticky input of a form post holds, for a form rendered without Faces (a servlet, JSP,
     * Jakarta MVC, a template engine) with the markup of the DOM contract (see {@code sticky-uploads.js}): the file
     * input named {@code <name>:file}, the hidden token inputs {@code <name>:token}, the Remove boxes
     * {@code <name>:remove}. A file part the form sent goes through the endpoint's rules and storage like a
     * background upload; every part of the request is deleted when the request ends. Call it once per input and
     * request; it takes at most one token (or {@code stickyuploads.quota.files} with {@code multiple}).
     *
     * @param request the form post; a multipart one needs a servlet with a multipart configuration
     * @param name the input's name
     * @param uploadUrl the endpoint the input's {@code data-upload-url} names
     * @param multiple whether the input takes several files
     * @return what the input holds now
     * @throws IllegalArgumentException if {@code uploadUrl} names no upload endpoint of this application
     * @since 0.1
     */
    StickyInput read(HttpServletRequest request, String name, String uploadUrl, boolean multiple);

    /**
     * Reads what one sticky input that takes one file holds; see {@link #read(HttpServletRequest, String, String, boolean)}.
     *
     * @param request the form post
     * @param name the input's name
     * @param uploadUrl the endpoint the input's {@code data-upload-url} names
     * @return what the input holds now
     * @throws IllegalArgumentException if {@code uploadUrl} names no upload endpoint of this application
     * @since 0.1
     */
    default StickyInput read(HttpServletRequest request, String name, String uploadUrl) {
        return read(request, name, uploadUrl, false);
    }
}

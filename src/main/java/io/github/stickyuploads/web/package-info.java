/**
 * The upload endpoints: {@link io.github.stickyuploads.web.DefaultUploadResource} at
 * {@code {context-root}/sticky-uploads/default}, available with no configuration, and every subclass of
 * {@link io.github.stickyuploads.web.UploadResource} with a {@code @Path} of its own, served by the library's
 * JAX-RS application {@link io.github.stickyuploads.web.StickyUploadsApplication}.
 *
 * <h2>Usage: a second endpoint</h2>
 * <pre>
 * &#64;Path("avatars") &#64;RequestScoped &#64;RolesAllowed("member")
 * public class AvatarUploads extends UploadResource {
 *     &#64;Override protected String storageName() { return "directory"; }
 * }
 * </pre>
 *
 * @since 0.1
 */
package io.github.stickyuploads.web;

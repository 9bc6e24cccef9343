package io.github.stickyuploads.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Decides who may upload. It is asked after the endpoint's {@code @RolesAllowed} check and before a byte
 * of the body is read. The default lets any authenticated user upload.
 *
 * <h2>Usage: restrict it</h2>
 * Specialise it (the subclass needs its own scope annotation):
 * <pre>
 * &#64;Specializes &#64;ApplicationScoped
 * public class StaffOnlyPolicy extends UploadPolicy {
 *     &#64;Override
 *     public boolean isUploadAllowed(SecurityContext ctx) {
 *         return ctx.isUserInRole("staff");
 *     }
 * }
 * </pre>
 * or replace it with an enabled alternative:
 * {@code @Alternative @Priority(Interceptor.Priority.APPLICATION) @ApplicationScoped class StaffOnlyPolicy extends UploadPolicy}.
 * A refusal is answered with 403 and the message "You are not allowed to upload files."
 *
 * @since 0.1
 */
@ApplicationScoped
public class UploadPolicy {

    /**
     * @param ctx the security context of the upload request
     * @return whether this request may upload; by default whether its user is authenticated
     * @since 0.1
     */
    public boolean isUploadAllowed(SecurityContext ctx) {
        return ctx.getUserPrincipal() != null;
    }
}

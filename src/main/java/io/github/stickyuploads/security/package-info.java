/**
 * Who may upload: the {@link io.github.stickyuploads.security.UploadPolicy} bean, asked after an endpoint's
 * {@code @RolesAllowed}; specialise it to change the rule for every endpoint.
 *
 * <h2>Usage</h2>
 * <pre>
 * &#64;Specializes &#64;ApplicationScoped
 * public class StaffOnlyPolicy extends UploadPolicy {
 *     &#64;Override public boolean isUploadAllowed(SecurityContext ctx) { return ctx.isUserInRole("staff"); }
 * }
 * </pre>
 *
 * @since 0.1
 */
package io.github.stickyuploads.security;

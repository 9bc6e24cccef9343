package io.github.stickyuploads.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * A servlet request's security seen as JAX-RS's, so that one {@code UploadPolicy} and one admission rule both
 * upload roads: the endpoint's gate and the Faces tag.
 *
 * @param request the request
 */
public record ServletSecurityContext(HttpServletRequest request) implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
        return request.getUserPrincipal();
    }

    @Override
    public boolean isUserInRole(String role) {
        return request.isUserInRole(role);
    }

    @Override
    public boolean isSecure() {
        return request.isSecure();
    }

    @Override
    public String getAuthenticationScheme() {
        return request.getAuthType();
    }
}

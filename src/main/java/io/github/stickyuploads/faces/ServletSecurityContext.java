package io.github.stickyuploads.faces;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** The servlet request's security seen as JAX-RS's, so that one {@code UploadPolicy} rules both upload paths. */
record ServletSecurityContext(HttpServletRequest request) implements SecurityContext {

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

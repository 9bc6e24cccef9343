package io.github.stickyuploads.it.faces;

import io.github.stickyuploads.security.UploadPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Specializes;
import jakarta.ws.rs.core.SecurityContext;

/** Every logged-in user but carol may upload. */
@Specializes
@ApplicationScoped
public class NoCarolPolicy extends UploadPolicy {

    @Override
    public boolean isUploadAllowed(SecurityContext ctx) {
        return super.isUploadAllowed(ctx) && !"carol".equals(ctx.getUserPrincipal().getName());
    }
}

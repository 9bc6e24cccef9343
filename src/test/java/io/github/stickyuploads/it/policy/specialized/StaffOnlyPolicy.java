package io.github.stickyuploads.it.policy.specialized;

import io.github.stickyuploads.security.UploadPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Specializes;
import jakarta.ws.rs.core.SecurityContext;

/** The contract's recipe: only staff may upload, by CDI specialisation. */
@Specializes
@ApplicationScoped
public class StaffOnlyPolicy extends UploadPolicy {

    @Override
    public boolean isUploadAllowed(SecurityContext ctx) {
        return ctx.isUserInRole("staff");
    }
}

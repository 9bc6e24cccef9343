package io.github.stickyuploads.it.policy.alternative;

import io.github.stickyuploads.security.UploadPolicy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import jakarta.ws.rs.core.SecurityContext;

/** Only staff may upload, by a globally enabled alternative. */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class StaffOnlyAlternative extends UploadPolicy {

    @Override
    public boolean isUploadAllowed(SecurityContext ctx) {
        return ctx.isUserInRole("staff");
    }
}

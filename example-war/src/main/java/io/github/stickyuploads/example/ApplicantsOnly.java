package io.github.stickyuploads.example;

import io.github.stickyuploads.security.UploadPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Specializes;
import jakarta.ws.rs.core.SecurityContext;

/** Who may upload: applicants only. The library's endpoint and its tag both follow this rule. */
@Specializes
@ApplicationScoped
public class ApplicantsOnly extends UploadPolicy {

    @Override
    public boolean isUploadAllowed(SecurityContext ctx) {
        return ctx.isUserInRole(DemoUsers.APPLICANT);
    }
}

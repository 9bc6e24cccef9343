package io.github.stickyuploads.internal.store;

import io.github.stickyuploads.StickyFile;
import io.github.stickyuploads.StickyFiles;
import io.github.stickyuploads.internal.endpoint.UploadEndpoint;
import io.github.stickyuploads.internal.endpoint.UploadEndpoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;

/** The library's {@link StickyFiles}: one token at a time, each refusal logged as one WARNING. */
@ApplicationScoped
public class DefaultStickyFiles implements StickyFiles {

    @Inject
    TemporaryUploads uploads;

    @Inject
    UploadEndpoints endpoints;

    @Inject
    SecurityContext securityContext;

    @Override
    public Optional<StickyFile> find(String token, String uploadUrl) {
        return find(token, uploadUrl, securityContext.getCallerPrincipal());
    }

    @Override
    public Optional<StickyFile> find(String token, String uploadUrl, Principal user) {
        UploadEndpoint endpoint = endpoints.forUrl(uploadUrl);
        if (user == null || token == null || token.isBlank()) {
            return Optional.empty();
        }
        Resolution resolution = uploads.resolve(token, user.getName(), endpoint);
        resolution.refusal().ifPresent(refusal -> {
            TokenRefusals refusals = new TokenRefusals();
            refusals.add(refusal, 1);
            refusals.log(endpoint.path(), user.getName());
        });
        return resolution.upload().map(StickyFile.class::cast);
    }
}

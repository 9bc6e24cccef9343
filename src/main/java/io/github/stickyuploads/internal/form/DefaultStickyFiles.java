package io.github.stickyuploads.internal.form;

import io.github.stickyuploads.StickyFile;
import io.github.stickyuploads.StickyFiles;
import io.github.stickyuploads.StickyInput;
import io.github.stickyuploads.internal.endpoint.UploadEndpoint;
import io.github.stickyuploads.internal.endpoint.UploadEndpoints;
import io.github.stickyuploads.internal.messages.Languages;
import io.github.stickyuploads.internal.messages.Messages;
import io.github.stickyuploads.internal.store.Resolution;
import io.github.stickyuploads.internal.store.TemporaryUploads;
import io.github.stickyuploads.internal.store.TokenRefusals;
import io.github.stickyuploads.internal.upload.UploadRefusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.Optional;

/**
 * The library's {@link StickyFiles}: one token at a time, each refusal logged as one WARNING; or one input of a
 * form post, decided by the same {@link FormSubmission} as the Faces tag's.
 */
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

    @Override
    public StickyInput read(HttpServletRequest request, String name, String uploadUrl, boolean multiple) {
        UploadEndpoint endpoint = endpoints.forUrl(uploadUrl);
        FormSubmission submission = FormSubmission.decode(FormSubmission.FormInput.named(request, name, ':'), endpoint, multiple);
        List<StickyFile> files = List.copyOf(submission.files());
        Optional<String> problem = Optional.ofNullable(submission.problem()).map(refusal -> message(refusal, request));
        return new StickyInput() {
            @Override
            public List<StickyFile> files() {
                return files;
            }

            @Override
            public Optional<String> problem() {
                return problem;
            }
        };
    }

    private static String message(UploadRefusal refusal, HttpServletRequest request) {
        return Messages.get(refusal.reason().messageKey(), Languages.parse(request.getHeader("Accept-Language")),
                refusal.arguments().toArray());
    }
}

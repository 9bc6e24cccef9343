package io.github.stickyuploads.internal.form;

import io.github.stickyuploads.config.StickyUploadsConfig;
import io.github.stickyuploads.internal.endpoint.UploadEndpoint;
import io.github.stickyuploads.internal.store.Resolution;
import io.github.stickyuploads.internal.store.StoredUpload;
import io.github.stickyuploads.internal.store.TemporaryUploads;
import io.github.stickyuploads.internal.token.TokenRefusal;
import io.github.stickyuploads.internal.upload.Admission;
import io.github.stickyuploads.internal.upload.UploadPipeline;
import io.github.stickyuploads.internal.upload.UploadRefusal;
import io.github.stickyuploads.internal.upload.UploadRefusedException;
import io.github.stickyuploads.internal.web.ServletSecurityContext;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one {@code <sticky:upload>} received on submit, decided in the contract's order: a real file part (stored
 * now through the input's endpoint, so that it sticks too) &gt; Remove ticked &gt; valid tokens &gt; nothing.
 * Removed and replaced temporary uploads are released at once. The work is bounded: an input reads at most as
 * many tokens and file parts as it can hold (one, or {@value StickyUploadsConfig#QUOTA_FILES} with
 * {@code multiple}), whatever the form carries.
 *
 * @param files the files the input holds now
 * @param problem why a file part of this request was refused, or null
 */
public record FormSubmission(List<StoredUpload> files, UploadRefusal problem) {

    /**
     * @param input the input's request: its names and values
     * @param endpoint the endpoint the input's {@code url} names
     * @param multiple whether the input holds several files
     * @return what the input holds now
     */
    public static FormSubmission decode(FormInput input, UploadEndpoint endpoint, boolean multiple) {
        CDI<Object> cdi = CDI.current();
        FormRequest form = FormRequest.of(input.request());
        TemporaryUploads uploads = cdi.select(TemporaryUploads.class).get();
        int capacity = multiple ? (int) Math.min(Integer.MAX_VALUE, cdi.select(StickyUploadsConfig.class).get().quotaFiles()) : 1;
        Principal user = input.request().getUserPrincipal();

        List<StoredUpload> kept = new ArrayList<>();
        List<StoredUpload> dropped = new ArrayList<>();
        if (user != null) {
            Set<String> removed = Set.copyOf(nonBlank(input.removed()));
            List<String> tokens = nonBlank(input.tokens());
            for (int i = 0; i < tokens.size(); i++) {
                if (i >= capacity) {
                    form.refused(TokenRefusal.NOT_READ, user.getName());
                    continue;
                }
                Resolution resolution = uploads.resolve(tokens.get(i), user.getName(), endpoint);
                if (resolution.refusal().isPresent()) {
                    form.refused(resolution.refusal().get(), user.getName());
                } else if (!form.hold(resolution.upload().get(), input.clientId())) {
                    form.refused(TokenRefusal.ALREADY_CLAIMED, user.getName());
                } else {
                    (removed.contains(tokens.get(i)) ? dropped : kept).add(resolution.upload().get());
                }
            }
        }

        List<Part> parts = form.fileParts(input.request(), input.fileName());
        FormSubmission submission = new FormSubmission(kept, null);
        if (!parts.isEmpty()) {
            parts.stream().skip(capacity).forEach(FormRequest::delete);
            submission = storeParts(input, endpoint, parts.subList(0, Math.min(capacity, parts.size())), form, uploads);
            if (submission.problem() == null) {
                dropped.addAll(kept); // replaced by the files of this post
            } else {
                submission = new FormSubmission(kept, submission.problem());
            }
        }
        dropped.forEach(uploads::discard);
        return submission;
    }

    /** The road without JavaScript: each part goes through the input's endpoint like a background upload. */
    private static FormSubmission storeParts(FormInput input, UploadEndpoint endpoint, List<Part> parts, FormRequest form,
                                             TemporaryUploads uploads) {
        UploadPipeline pipeline = CDI.current().select(UploadPipeline.class).get();
        ServletSecurityContext security = new ServletSecurityContext(input.request());
        List<StoredUpload> stored = new ArrayList<>();
        try {
            for (Part part : parts) {
                try (InputStream content = part.getInputStream()) {
                    Admission admission = pipeline.admit(endpoint, security);
                    StoredUpload upload = pipeline.receive(admission, content, part.getSubmittedFileName());
                    stored.add(upload);
                    form.hold(upload, input.clientId());
                } finally {
                    FormRequest.delete(part);
                }
            }
            return new FormSubmission(stored, null);
        } catch (UploadRefusedException e) {
            stored.forEach(uploads::discard);
            return new FormSubmission(List.of(), e.refusal());
        } catch (IOException e) {
            stored.forEach(uploads::discard);
            return new FormSubmission(List.of(), UploadRefusal.of(UploadRefusal.Reason.MALFORMED));
        }
    }

    private static List<String> nonBlank(String[] values) {
        return values == null ? List.of() : Arrays.stream(values).filter(value -> !value.isBlank()).distinct().toList();
    }

    /**
     * One input's share of a form post.
     *
     * @param request the request
     * @param clientId the input's client id
     * @param fileName the name of its file input
     * @param tokens the values of its token inputs
     * @param removed the values of its ticked Remove boxes
     */
    public record FormInput(HttpServletRequest request, String clientId, String fileName, String[] tokens, String[] removed) {

        /** What the file input's name ends with, after the input's name and a separator (the DOM contract). */
        public static final String FILE = "file";
        /** What the hidden token inputs' name ends with. */
        public static final String TOKEN = "token";
        /** What the Remove boxes' name ends with. */
        public static final String REMOVE = "remove";

        /**
         * @param request the request
         * @param name the input's name (a Faces client id)
         * @param separator what stands between the name and the suffixes, {@code :} by default
         * @return the input's share of the post
         */
        public static FormInput named(HttpServletRequest request, String name, char separator) {
            return of(request, name, name + separator + FILE, name + separator + TOKEN, name + separator + REMOVE,
                    request.getParameterMap());
        }

        /**
         * @param request the request
         * @param clientId the input's client id
         * @param fileName the name of its file input
         * @param tokenName the name of its token inputs
         * @param removeName the name of its Remove boxes
         * @param parameters the request's parameters
         * @return the input's share of the post
         */
        public static FormInput of(HttpServletRequest request, String clientId, String fileName, String tokenName,
                                   String removeName, Map<String, String[]> parameters) {
            return new FormInput(request, clientId, fileName, parameters.get(tokenName), parameters.get(removeName));
        }
    }
}

package io.github.stickyuploads.faces;

import io.github.stickyuploads.config.StickyUploadsConfig;
import io.github.stickyuploads.internal.token.StoredStickyFile;
import io.github.stickyuploads.internal.token.TokenService;
import io.github.stickyuploads.internal.token.UploadPaths;
import io.github.stickyuploads.internal.upload.UploadProcessor;
import io.github.stickyuploads.internal.upload.UploadRejectedException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.component.UINamingContainer;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.ServletException;
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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What one {@code <sticky:upload>} received on submit, decided in the contract's order: a real file part
 * (stored now, so that it sticks too) &gt; Remove ticked &gt; valid tokens &gt; nothing. Removed and replaced
 * temporary uploads are released at once.
 *
 * @param files the files the input holds now
 * @param problem why a file part of this request was refused (for the user), or null
 */
record FormSubmission(List<StoredStickyFile> files, String problem) {

    private static final Logger LOG = Logger.getLogger("io.github.stickyuploads");

    static FormSubmission decode(FacesContext context, StickyUploadComponent component) {
        String prefix = component.getClientId(context) + UINamingContainer.getSeparatorChar(context);
        Map<String, String[]> parameters = context.getExternalContext().getRequestParameterValuesMap();
        List<String> tokens = nonBlank(parameters.get(prefix + StickyUploadComponent.TOKEN));
        Set<String> removed = Set.copyOf(nonBlank(parameters.get(prefix + StickyUploadComponent.REMOVE)));
        HttpServletRequest request = (HttpServletRequest) context.getExternalContext().getRequest();
        Principal user = request.getUserPrincipal();
        String uploadPath = UploadPaths.normalize(component.url());

        List<StoredStickyFile> kept = new ArrayList<>();
        List<StoredStickyFile> dropped = new ArrayList<>();
        if (user != null) {
            TokenService tokenService = CDI.current().select(TokenService.class).get();
            for (String token : tokens) {
                tokenService.resolve(token, user.getName(), uploadPath)
                        .ifPresent(file -> (removed.contains(token) ? dropped : kept).add(file));
            }
        }
        if (!component.multiple() && kept.size() > 1) {
            kept.subList(1, kept.size()).clear();
        }

        List<Part> parts = fileParts(request, prefix + StickyUploadComponent.FILE, component.multiple());
        FormSubmission submission = new FormSubmission(kept, null);
        if (!parts.isEmpty()) {
            submission = storeParts(component, user, uploadPath, parts, kept);
            if (submission.problem() == null) {
                dropped.addAll(kept);
            }
        }
        dropped.forEach(FormSubmission::release);
        return submission;
    }

    /** The path without JavaScript: the parts are stored like background uploads and get tokens. */
    private static FormSubmission storeParts(StickyUploadComponent component, Principal user, String uploadPath,
                                             List<Part> parts, List<StoredStickyFile> kept) {
        if (user == null) {
            return new FormSubmission(kept, component.message("access.unauthenticated"));
        }
        if (!component.uploadAllowed()) {
            return new FormSubmission(kept, component.message("access.forbidden"));
        }
        UploadProcessor processor = CDI.current().select(UploadProcessor.class).get();
        String storage = CDI.current().select(StickyUploadsConfig.class).get().storage();
        List<StoredStickyFile> stored = new ArrayList<>();
        try {
            for (Part part : parts) {
                try (InputStream content = part.getInputStream()) {
                    stored.add(processor.asFile(processor.store(content, part.getSubmittedFileName(), user.getName(),
                            storage, uploadPath)));
                }
            }
            return new FormSubmission(stored, null);
        } catch (UploadRejectedException e) {
            stored.forEach(FormSubmission::release);
            return new FormSubmission(kept, component.message(e.messageKey(), e.arguments()));
        } catch (IOException e) {
            stored.forEach(FormSubmission::release);
            LOG.log(Level.INFO, "A file part of a form could not be read", e);
            return new FormSubmission(kept, component.message("upload.malformed"));
        }
    }

    private static List<Part> fileParts(HttpServletRequest request, String name, boolean multiple) {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            return List.of();
        }
        try {
            List<Part> parts = request.getParts().stream()
                    .filter(part -> name.equals(part.getName()))
                    .filter(part -> part.getSubmittedFileName() != null && !part.getSubmittedFileName().isEmpty())
                    .toList();
            return multiple || parts.isEmpty() ? parts : parts.subList(0, 1);
        } catch (IOException | ServletException | IllegalStateException e) {
            LOG.log(Level.INFO, "The form's multipart body could not be read", e);
            return List.of();
        }
    }

    private static void release(StoredStickyFile file) {
        try {
            file.delete();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not release a temporary upload; it will expire", e);
        }
    }

    private static List<String> nonBlank(String[] values) {
        return values == null ? List.of() : Arrays.stream(values).filter(value -> !value.isBlank()).distinct().toList();
    }
}

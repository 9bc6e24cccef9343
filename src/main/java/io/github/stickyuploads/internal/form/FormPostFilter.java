package io.github.stickyuploads.internal.form;

import io.github.stickyuploads.config.DataSize;
import io.github.stickyuploads.config.StickyUploadsConfig;
import io.github.stickyuploads.internal.endpoint.UploadEndpoints;
import io.github.stickyuploads.internal.files.PrivateFiles;
import io.github.stickyuploads.internal.multipart.MultipartParser;
import io.github.stickyuploads.internal.multipart.SizeLimitExceededException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Reads the multipart body of every form post to the Faces servlet itself ({@link FormPost}), so that no part of
 * it is left on disk whatever the body holds and whatever the container would have done with it; Faces, the
 * {@code <sticky:upload>} tag and the application's own {@code h:inputFile} get its parameters and parts as usual.
 * A body that breaks the multipart format is answered with 400, one larger than {@link #bound()} with 413, before
 * Faces sees it. Other requests pass untouched.
 */
public final class FormPostFilter implements Filter {

    /** The Faces servlet's class; it is final, so a servlet is a Faces servlet exactly when it has this class. */
    private static final String FACES_SERVLET = "jakarta.faces.webapp.FacesServlet";
    /** Room for the fields of a form around its files. */
    private static final long FIELDS_ALLOWANCE = 1024 * 1024;
    /** How many files at an endpoint's limit a form post may carry. */
    private static final int FILES_PER_FORM = 4;

    private static final Logger LOG = Logger.getLogger("io.github.stickyuploads");

    /** A folder of another start whose files are this old is what a crash left behind. */
    private static final Duration LEFT_BEHIND_AFTER = Duration.ofHours(1);

    /** This start's own folder: several servers sharing a temp root never touch each other's parts. */
    private final String folderOfThisStart = "start-" + UUID.randomUUID();
    private volatile Path spool;

    /** Removes what a crash may have left of earlier starts' form posts. */
    @Override
    public void init(FilterConfig config) {
        try {
            Path posts = spool().getParent();
            if (Files.isDirectory(posts)) {
                Instant limit = Instant.now().minus(LEFT_BEHIND_AFTER);
                try (Stream<Path> starts = Files.list(posts)) {
                    for (Path start : starts.toList()) {
                        if (!start.equals(spool()) && Files.getLastModifiedTime(start).toInstant().isBefore(limit)) {
                            deleteFolder(start);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "No leftovers of form posts removed: " + e);
        }
    }

    @Override
    public void destroy() {
        try {
            deleteFolder(spool());
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "The folder of this start's form posts stays: " + e);
        }
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(folder);
        }
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        if (!(servletRequest instanceof HttpServletRequest request) || !(servletResponse instanceof HttpServletResponse response)
                || !"POST".equals(request.getMethod()) || !isMultipart(request) || !isForTheFacesServlet(request)) {
            chain.doFilter(servletRequest, servletResponse);
            return;
        }
        Optional<String> boundary = MultipartParser.boundary(request.getContentType());
        if (boundary.isEmpty()) {
            response.sendError(400);
            return;
        }
        FormPost post;
        try {
            post = FormPost.read(request.getInputStream(), boundary.get(), bound(), spool());
        } catch (SizeLimitExceededException e) {
            LOG.info(() -> "A form post to " + request.getRequestURI() + " was larger than " + new DataSize(bound()));
            response.setHeader("Connection", "close");
            response.sendError(413);
            return;
        } catch (IOException e) {
            LOG.info(() -> "A form post to " + request.getRequestURI() + " was not a complete multipart body: " + e.getMessage());
            response.sendError(400);
            return;
        }
        try {
            chain.doFilter(new FormPostRequest(request, post), response);
        } finally {
            post.delete();
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    private static boolean isForTheFacesServlet(HttpServletRequest request) {
        HttpServletMapping mapping = request.getHttpServletMapping();
        if (mapping == null || mapping.getServletName() == null) {
            return false;
        }
        ServletRegistration servlet = request.getServletContext().getServletRegistration(mapping.getServletName());
        return servlet != null && FACES_SERVLET.equals(servlet.getClassName());
    }

    /** @return the most bytes a form post may have: a few files at the largest endpoint's limit, and its fields */
    static long bound() {
        long largest = CDI.current().select(UploadEndpoints.class).get().all().stream()
                .mapToLong(endpoint -> endpoint.limits().maxSize().bytes()).max().orElse(0);
        return FILES_PER_FORM * largest + FIELDS_ALLOWANCE;
    }

    /** @return the private folder of the parts being read, in the temp root, which is checked once */
    private Path spool() throws IOException {
        if (spool == null) {
            spool = PrivateFiles.tempRoot(CDI.current().select(StickyUploadsConfig.class).get()).resolve("form-posts")
                    .resolve(folderOfThisStart);
        }
        return spool;
    }
}

package io.github.stickyuploads.internal.web;

import io.github.stickyuploads.internal.endpoint.EndpointPaths;
import io.github.stickyuploads.internal.endpoint.UploadEndpoint;
import io.github.stickyuploads.internal.endpoint.UploadEndpoints;
import io.github.stickyuploads.internal.messages.Languages;
import io.github.stickyuploads.internal.multipart.ContentType;
import io.github.stickyuploads.internal.multipart.MultipartParser;
import io.github.stickyuploads.internal.upload.Admission;
import io.github.stickyuploads.internal.upload.UploadPipeline;
import io.github.stickyuploads.internal.upload.UploadRefusal;
import io.github.stickyuploads.internal.upload.UploadRefusal.Reason;
import io.github.stickyuploads.internal.upload.UploadRefusedException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The servlet filter in front of every upload endpoint ({@value #URL_PATTERN}): it decides everything about a
 * request that needs no body, before any JAX-RS implementation sees it, so that every server answers alike and
 * every answer is the endpoint's JSON.
 *
 * <ol>
 * <li>Every answer gets {@code X-Content-Type-Options: nosniff} and {@code Cache-Control: no-store}, and an error
 * that the framework or the container would answer with a page of its own is answered in JSON instead.</li>
 * <li>Only {@code POST} and {@code DELETE} (405 otherwise, {@code OPTIONS} included); only the exact path of an
 * endpoint (404 otherwise).</li>
 * <li>Headers that cannot be parsed ({@code Content-Type}, {@code Accept}, {@code Content-Length}) are a 400;
 * a sloppy {@code Accept-Language} means the default language, silently.</li>
 * <li>Admission through the {@link UploadPipeline} (401, 403, 429), then the CSRF defence (403).</li>
 * <li>A declared length beyond the limit is a 413 before any byte is read. Its body is read and dropped first
 * when it has at most twice the limit, so that a client that writes its whole body before it reads (as many do
 * when they sent {@code Connection: close}) gets the answer rather than a broken pipe.</li>
 * </ol>
 */
public final class EndpointGate implements Filter {

    /** Where the gate stands, below the context root. */
    public static final String URL_PATTERN = "/" + EndpointPaths.APPLICATION_PATH + "/*";
    /** Room for the multipart framing around a file of the largest accepted size, and a few small fields. */
    public static final long FRAMING_ALLOWANCE = 2L * MultipartParser.MAX_PART_HEADER_BYTES;

    private static final Logger LOG = Logger.getLogger("io.github.stickyuploads");
    private static final String ADMISSION = EndpointGate.class.getName() + ".admission";
    private static final String RELEASER = EndpointGate.class.getName() + ".releaser";
    private static final String LANGUAGES = EndpointGate.class.getName() + ".languages";
    private static final Pattern ENDPOINT_PATH = Pattern.compile("/" + EndpointPaths.APPLICATION_PATH + "/[A-Za-z0-9._~-]+/?");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,40}");
    /** More digits than this are beyond any limit, whatever they say. */
    private static final int LONGEST_LENGTH = 18;

    private volatile UploadEndpoints endpoints;
    private volatile UploadPipeline pipeline;

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        List<Locale> languages = Languages.parse(request.getHeader("Accept-Language"));
        request.setAttribute(LANGUAGES, languages);
        try {
            Optional<UploadRefusal> refusal = admit(request, response);
            if (refusal.isPresent()) {
                HttpAnswers.write(response, refusal.get(), languages);
                return;
            }
            chain.doFilter(new GateRequest(request), new JsonErrorResponse(request, response, languages));
        } catch (RuntimeException | ServletException e) {
            LOG.log(Level.SEVERE, "An upload request failed", e);
            if (!response.isCommitted()) {
                HttpAnswers.write(response, UploadRefusal.of(Reason.FAILED), languages);
            }
        }
    }

    private Optional<UploadRefusal> admit(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        boolean post = "POST".equals(method);
        if (!post && !"DELETE".equals(method)) {
            response.setHeader("Allow", "POST, DELETE");
            return Optional.of(UploadRefusal.of(Reason.METHOD_NOT_ALLOWED, method));
        }
        Optional<UploadEndpoint> endpoint = endpointOf(request);
        if (endpoint.isEmpty()) {
            return Optional.of(UploadRefusal.of(Reason.NOT_FOUND));
        }
        String contentType = request.getHeader("Content-Type");
        boolean readableContentType = contentType == null ? !post
                : ContentType.parse(contentType).filter(type -> !post || type.isMultipartFormData() && type.boundary().isPresent()).isPresent();
        OptionalLong length = declaredLength(request);
        if (!readableContentType || !ContentType.isValidAccept(request.getHeader("Accept")) || length == null) {
            return Optional.of(UploadRefusal.of(Reason.MALFORMED));
        }
        ServletSecurityContext security = new ServletSecurityContext(request);
        try {
            if (post) {
                Admission admission = pipeline().admit(endpoint.get(), security);
                if (!CrossSiteCheck.isFromThisSite(request)) {
                    return Optional.of(UploadRefusal.of(Reason.CROSS_SITE));
                }
                if (length.isPresent() && length.getAsLong() > bound(admission)) {
                    dropBody(request, response, length.getAsLong(), bound(admission));
                    return Optional.of(admission.overLimit());
                }
                request.setAttribute(ADMISSION, admission);
            } else {
                String releaser = pipeline().admitRelease(endpoint.get(), security);
                if (!CrossSiteCheck.isFromThisSite(request)) {
                    return Optional.of(UploadRefusal.of(Reason.CROSS_SITE));
                }
                request.setAttribute(RELEASER, releaser);
            }
            return Optional.empty();
        } catch (UploadRefusedException e) {
            return Optional.of(e.refusal());
        }
    }

    /** An endpoint's exact path only: any other spelling is not found, so that JAX-RS can only reach the one admitted. */
    private Optional<UploadEndpoint> endpointOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        if (!uri.startsWith(context) || !ENDPOINT_PATH.matcher(uri.substring(context.length())).matches()) {
            return Optional.empty();
        }
        return endpoints().forPath(EndpointPaths.normalize(uri));
    }

    /**
     * @return the declared length (read as a {@code long}; {@link Long#MAX_VALUE} for a number beyond one), empty when
     *         there is none (chunked), null when it is no number
     */
    private static OptionalLong declaredLength(HttpServletRequest request) {
        String header = request.getHeader("Content-Length");
        if (header == null) {
            return OptionalLong.empty();
        }
        String digits = header.trim();
        if (!DIGITS.matcher(digits).matches()) {
            return null;
        }
        return OptionalLong.of(digits.length() > LONGEST_LENGTH ? Long.MAX_VALUE : Long.parseLong(digits));
    }

    /**
     * Before a 413 for a declared length: reads and drops a body of at most twice what would have been accepted,
     * and closes the connection after a larger one rather than read it.
     */
    private static void dropBody(HttpServletRequest request, HttpServletResponse response, long length, long bound)
            throws IOException {
        if (length <= 2 * bound) {
            drain(request.getInputStream(), 0, length);
        } else {
            response.setHeader("Connection", "close");
        }
    }

    /**
     * @param admission an admission
     * @return the most bytes a body may have under it: the file's limit and room for the framing
     */
    static long bound(Admission admission) {
        return admission.limit().bytes() + FRAMING_ALLOWANCE;
    }

    /**
     * Reads and drops what is left of a refused body, up to a cap, so that a client that writes its whole body
     * before it reads gets the answer.
     *
     * @param body the request body
     * @param alreadyRead how many bytes of it were read
     * @param cap the most bytes to have read in all
     */
    static void drain(InputStream body, long alreadyRead, long cap) {
        byte[] buffer = new byte[64 * 1024];
        long read = alreadyRead;
        try {
            for (int n; read < cap && (n = body.read(buffer, 0, (int) Math.min(buffer.length, cap - read))) >= 0; ) {
                read += n;
            }
        } catch (IOException clientGone) {
            // Nothing left to answer to.
        }
    }

    /**
     * @param request a request the gate let through
     * @return the admission of its upload, or empty when the gate did not admit it
     */
    static Optional<Admission> admission(HttpServletRequest request) {
        return Optional.ofNullable((Admission) request.getAttribute(ADMISSION));
    }

    /**
     * @param request a request the gate let through
     * @return who may release uploads with it, or empty when the gate did not admit it
     */
    static Optional<String> releaser(HttpServletRequest request) {
        return Optional.ofNullable((String) request.getAttribute(RELEASER));
    }

    /**
     * @param request a request the gate saw
     * @return its languages, most wanted first
     */
    @SuppressWarnings("unchecked")
    static List<Locale> languages(HttpServletRequest request) {
        Object languages = request.getAttribute(LANGUAGES);
        return languages instanceof List<?> list ? (List<Locale>) list : Languages.parse(request.getHeader("Accept-Language"));
    }

    private UploadEndpoints endpoints() {
        if (endpoints == null) {
            endpoints = CDI.current().select(UploadEndpoints.class).get();
        }
        return endpoints;
    }

    private UploadPipeline pipeline() {
        if (pipeline == null) {
            pipeline = CDI.current().select(UploadPipeline.class).get();
        }
        return pipeline;
    }
}

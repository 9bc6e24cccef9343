package io.github.stickyuploads.internal.web;

import io.github.stickyuploads.internal.multipart.ContentType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The request as the JAX-RS implementation sees it once the gate has checked it: without the headers the library
 * reads itself and a framework may fail on ({@code Accept}, {@code Accept-Language}, a {@code Content-Length}
 * beyond what an {@code int} holds), and with the {@code Content-Type} in its canonical spelling. Every answer of
 * the endpoint is JSON whatever the client accepts, and its language is read leniently by the library.
 */
final class GateRequest extends HttpServletRequestWrapper {

    private static final Set<String> HIDDEN = Set.of("accept", "accept-language");

    private final String contentType;
    private final boolean hideLength;

    GateRequest(HttpServletRequest request) {
        super(request);
        this.contentType = ContentType.parse(request.getHeader("Content-Type")).map(ContentType::toString).orElse(null);
        this.hideLength = request.getContentLengthLong() > Integer.MAX_VALUE;
    }

    private boolean hidden(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return HIDDEN.contains(lower) || hideLength && "content-length".equals(lower);
    }

    @Override
    public String getHeader(String name) {
        if ("content-type".equalsIgnoreCase(name)) {
            return contentType;
        }
        return hidden(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        if ("content-type".equalsIgnoreCase(name)) {
            return Collections.enumeration(contentType == null ? List.of() : List.of(contentType));
        }
        return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        List<String> names = Collections.list(super.getHeaderNames()).stream().filter(name -> !hidden(name)).toList();
        return Collections.enumeration(names);
    }

    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public Enumeration<Locale> getLocales() {
        return Collections.enumeration(List.of(Locale.getDefault()));
    }

    @Override
    public Locale getLocale() {
        return Locale.getDefault();
    }
}

package io.github.stickyuploads.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The CSRF defence of the endpoint: a request must carry a non-empty {@code X-Requested-With}, which a
 * cross-site form cannot send, and an {@code Origin}, when it has one, must name this server. Anything that
 * cannot be read (a malformed {@code Origin} or {@code Host}) counts as cross-site.
 */
final class CrossSiteCheck {

    private CrossSiteCheck() {
    }

    /**
     * @param request the request
     * @return whether it came from this site's script
     */
    static boolean isFromThisSite(HttpServletRequest request) {
        String requestedWith = request.getHeader("X-Requested-With");
        if (requestedWith == null || requestedWith.isBlank()) {
            return false;
        }
        String origin = request.getHeader("Origin");
        return origin == null || isSameHost(origin, request);
    }

    /**
     * Compares the host (and the port, when the Host header names one) rather than the whole origin, so that a
     * proxy which terminates TLS and keeps the Host header does not turn every upload into a refusal.
     */
    private static boolean isSameHost(String origin, HttpServletRequest request) {
        URI originUri = uri(origin.trim());
        String hostHeader = request.getHeader("Host");
        URI server = uri(request.getScheme() + "://" + (hostHeader != null ? hostHeader.trim()
                : request.getServerName() + ":" + request.getServerPort()));
        if (originUri == null || server == null || originUri.getHost() == null || originUri.getScheme() == null
                || server.getHost() == null) {
            return false; // includes the opaque "null" origin of sandboxed and file: pages
        }
        if (!originUri.getHost().toLowerCase(Locale.ROOT).equals(server.getHost().toLowerCase(Locale.ROOT))) {
            return false;
        }
        return server.getPort() < 0 || server.getPort() == effectivePort(originUri);
    }

    private static URI uri(String text) {
        try {
            URI uri = new URI(text);
            return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? uri : null; // an origin has no path
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}

package io.github.stickyuploads.internal.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs before an upload endpoint reads a byte of the body: the endpoint's {@code @RolesAllowed} (401 for
 * nobody, 403 for the wrong roles; {@code "**"} means any authenticated user), then the CSRF defence (403
 * without a non-empty {@code X-Requested-With}, or with an {@code Origin} that is not this server).
 */
public final class AccessFilter implements ContainerRequestFilter {

    /** The role that stands for any authenticated user, as in Jakarta Security. */
    public static final String ANY_AUTHENTICATED_USER = "**";

    private final Set<String> roles;

    /** @param roles the roles of which the user needs one */
    public AccessFilter(Set<String> roles) {
        this.roles = Set.copyOf(roles);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        List<Locale> languages = request.getAcceptableLanguages();
        if (security.getUserPrincipal() == null) {
            request.abortWith(JsonAnswers.error(401, JsonAnswers.ALL, Messages.get("access.unauthenticated", languages)));
        } else if (!roles.contains(ANY_AUTHENTICATED_USER) && roles.stream().noneMatch(security::isUserInRole)) {
            request.abortWith(JsonAnswers.error(403, JsonAnswers.ALL, Messages.get("access.forbidden", languages)));
        } else if (!isFromThisSite(request)) {
            request.abortWith(JsonAnswers.error(403, JsonAnswers.ALL, Messages.get("access.cross-site", languages)));
        }
    }

    private static boolean isFromThisSite(ContainerRequestContext request) {
        String requestedWith = request.getHeaderString("X-Requested-With");
        if (requestedWith == null || requestedWith.isBlank()) {
            return false;
        }
        String origin = request.getHeaderString("Origin");
        return origin == null || isSameHost(origin, request.getUriInfo().getRequestUri(), request.getHeaderString("Host"));
    }

    /**
     * Compares the host (and the port, when the Host header names one) rather than the whole origin, so that
     * a proxy which terminates TLS and keeps the Host header does not turn every upload into a refusal.
     */
    private static boolean isSameHost(String origin, URI requestUri, String hostHeader) {
        URI originUri;
        try {
            originUri = URI.create(origin.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (originUri.getHost() == null || originUri.getScheme() == null) {
            return false; // includes the opaque "null" origin of sandboxed and file: pages
        }
        URI server = hostHeader != null ? URI.create(requestUri.getScheme() + "://" + hostHeader.trim()) : requestUri;
        if (!originUri.getHost().equalsIgnoreCase(server.getHost())) {
            return false;
        }
        return server.getPort() < 0 || server.getPort() == effectivePort(originUri);
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}

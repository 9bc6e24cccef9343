package io.github.stickyuploads.internal.token;

import java.net.URI;

/** The one spelling of an upload endpoint's path that tokens are bound to. */
public final class UploadPaths {

    private UploadPaths() {
    }

    /**
     * @param url an endpoint as a path ({@code /app/sticky-uploads/default}) or an absolute URL
     * @return its path without a trailing slash, so that both spellings bind the same tokens
     * @throws IllegalArgumentException if it is not a URL
     */
    public static String normalize(String url) {
        String path = URI.create(url.trim()).getRawPath();
        if (path == null || path.isEmpty()) {
            return "/";
        }
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}

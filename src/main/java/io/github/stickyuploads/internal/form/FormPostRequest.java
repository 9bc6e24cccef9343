package io.github.stickyuploads.internal.form;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Faces form post as the library read it: its parameters (the query string's, then the body's text fields,
 * decoded with the request's character encoding when Faces first asks, UTF-8 by default) and its parts come from
 * the {@link FormPost}; its body has been read.
 */
final class FormPostRequest extends HttpServletRequestWrapper {

    private final FormPost post;
    private Map<String, String[]> parameters;

    FormPostRequest(HttpServletRequest request, FormPost post) {
        super(request);
        this.post = post;
    }

    private synchronized Map<String, String[]> parameters() {
        if (parameters == null) {
            Charset charset = charset();
            Map<String, List<String>> values = new LinkedHashMap<>();
            String query = getQueryString();
            if (query != null) {
                for (String pair : query.split("&")) {
                    int equals = pair.indexOf('=');
                    String name = decode(equals < 0 ? pair : pair.substring(0, equals), charset);
                    String value = decode(equals < 0 ? "" : pair.substring(equals + 1), charset);
                    if (name != null && value != null && !name.isEmpty()) {
                        values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
                    }
                }
            }
            for (FormPart part : post.parts()) {
                if (part.textBytes() != null) {
                    values.computeIfAbsent(part.getName(), key -> new ArrayList<>()).add(new String(part.textBytes(), charset));
                }
            }
            Map<String, String[]> map = new LinkedHashMap<>();
            values.forEach((name, list) -> map.put(name, list.toArray(String[]::new)));
            parameters = Collections.unmodifiableMap(map);
        }
        return parameters;
    }

    private Charset charset() {
        String encoding = getCharacterEncoding();
        try {
            return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        } catch (RuntimeException unknown) {
            return StandardCharsets.UTF_8;
        }
    }

    private static String decode(String text, Charset charset) {
        try {
            return URLDecoder.decode(text, charset);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    @Override
    public void setCharacterEncoding(String encoding) throws UnsupportedEncodingException {
        super.setCharacterEncoding(encoding);
        synchronized (this) {
            parameters = null; // decoded again, with the encoding Faces asked for
        }
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters().get(name);
        return values == null ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = parameters().get(name);
        return values == null ? null : values.clone();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters().keySet());
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters();
    }

    @Override
    public Collection<Part> getParts() {
        return List.copyOf(post.parts());
    }

    @Override
    public Part getPart(String name) {
        return post.parts().stream().filter(part -> part.getName().equals(name)).findFirst().orElse(null);
    }

    @Override
    public ServletInputStream getInputStream() {
        return new ServletInputStream() {
            @Override
            public int read() {
                return -1; // the body was read into the parts
            }

            @Override
            public boolean isFinished() {
                return true;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new IllegalStateException("The body was read into the parts");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new StringReader(""));
    }
}

package io.github.stickyuploads.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Talks to an upload endpoint like the library's script does, with knobs to misbehave. */
final class UploadClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;
    private String user;
    private final Map<String, String> headers = new LinkedHashMap<>(Map.of("X-Requested-With", "XMLHttpRequest"));
    private final List<byte[]> parts = new ArrayList<>();
    private final String boundary = "----sticky" + UUID.randomUUID().toString().replace("-", "");

    private UploadClient(URL deployment) {
        this.base = URI.create(deployment.toString());
    }

    /** @return a client for the deployment, logged in as nobody and with the script's headers */
    static UploadClient to(URL deployment) {
        return new UploadClient(deployment);
    }

    UploadClient as(String name) {
        this.user = name;
        return this;
    }

    UploadClient header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    UploadClient withoutHeader(String name) {
        headers.remove(name);
        return this;
    }

    /** Adds a file part. */
    UploadClient file(String field, String filename, byte[] content) {
        return part("Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n", content);
    }

    /**
     * Adds a file part whose name travels percent-encoded ({@code filename*=UTF-8''...}, RFC 5987), the way a
     * careful client sends a name that a header may not carry raw, such as one with control characters.
     */
    UploadClient fileWithEncodedName(String field, String filename, byte[] content) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : filename.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean plain = c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0);
            encoded.append(plain ? String.valueOf(c) : String.format("%%%02X", b & 0xff));
        }
        return part("Content-Disposition: form-data; name=\"" + field + "\"; filename*=UTF-8''" + encoded + "\r\n"
                + "Content-Type: application/octet-stream\r\n", content);
    }

    /** Adds a field part without a filename. */
    UploadClient field(String field, String value) {
        return part("Content-Disposition: form-data; name=\"" + field + "\"\r\n", value.getBytes(StandardCharsets.UTF_8));
    }

    private UploadClient part(String partHeaders, byte[] content) {
        ByteArrayOutputStream part = new ByteArrayOutputStream();
        part.writeBytes(("--" + boundary + "\r\n" + partHeaders + "\r\n").getBytes(StandardCharsets.UTF_8));
        part.writeBytes(content);
        part.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        parts.add(part.toByteArray());
        return this;
    }

    /** @return the Content-Type of the multipart body, with its boundary */
    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    byte[] body() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        parts.forEach(body::writeBytes);
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    /** POSTs the parts to a path below the deployment, e.g. {@code sticky-uploads/default}. */
    Answer post(String path) {
        return send(request(path).header("Content-Type", contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body())));
    }

    /** Sends any method with the parts (or none) as body. */
    Answer send(String method, String path) {
        return send(request(path).header("Content-Type", contentType())
                .method(method, parts.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body())));
    }

    /** Releases a token at an endpoint. */
    Answer delete(String path, String token) {
        return send(request(path + "?stored=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8)).DELETE());
    }

    /** Asks the test application's {@code ClaimProbe} what a token gives for an upload URL. */
    Answer claim(String token, String uploadUrl) {
        String form = "token=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8)
                + "&url=" + java.net.URLEncoder.encode(uploadUrl, StandardCharsets.UTF_8);
        return send(request("api/claim").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** GETs a path below the deployment. */
    Answer get(String path) {
        return send(request(path).GET());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (user != null) {
            String login = user + ":" + user + "-pw";
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)));
        }
        headers.forEach(request::header);
        return request;
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return Answer.of(response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer: status, content type, body and headers (by lower-case name). */
    record Answer(int status, String contentType, String body, Map<String, String> headers) {

        Answer(int status, String contentType, String body) {
            this(status, contentType, body, Map.of());
        }

        static Answer of(HttpResponse<String> response) {
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT),
                    String.join(", ", values)));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
                    headers);
        }

        JsonObject json() {
            try {
                return Json.createReader(new StringReader(body)).readObject();
            } catch (RuntimeException e) {
                throw new AssertionError("Not JSON (" + status + ", " + contentType + "): " + body, e);
            }
        }

        /** @return the first message for a field of an error answer */
        String error(String field) {
            return json().getJsonObject("errors").getJsonArray(field).getString(0);
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}

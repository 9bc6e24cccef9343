package io.github.stickyuploads.s3.it;

import io.github.stickyuploads.testing.Generated;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Uploads as the library's script does (a multipart body with one {@code upload} part, {@code X-Requested-With},
 * HTTP Basic as a test user), the file's bytes generated while they are sent, so that no side holds them whole.
 */
final class Uploads {

    /** The first bytes of a PDF, so that the library sniffs application/pdf. */
    static final byte[] PDF = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.ISO_8859_1);

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;
    private final String user;

    Uploads(URI base, String user) {
        this.base = base;
        this.user = user;
    }

    /** @return a PDF of that size for the seed, generated as it is read */
    static InputStream pdf(long size, long seed) {
        return Generated.startingWith(PDF, size, seed);
    }

    /** @return the SHA-256 of {@link #pdf(long, long)} */
    static String pdfSha256(long size, long seed) throws IOException {
        return Generated.sha256(pdf(size, seed));
    }

    /**
     * POSTs a file to an endpoint path below the deployment, e.g. {@code sticky-uploads/default}.
     *
     * @param chunked send without Content-Length, so that only the stream tells the size
     */
    Answer upload(String path, String filename, InputStream content, long size, boolean chunked) {
        String boundary = "----s3it" + UUID.randomUUID().toString().replace("-", "");
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        InputStream body = new SequenceInputStream(Collections.enumeration(List.of(new ByteArrayInputStream(head), content,
                new ByteArrayInputStream(tail))));
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.ofInputStream(() -> body);
        if (!chunked) {
            publisher = HttpRequest.BodyPublishers.fromPublisher(publisher, head.length + size + tail.length);
        }
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofMinutes(10)).POST(publisher));
    }

    /** Asks the test application's claim probe what a token gives (reading the bytes back unless {@code read} is false). */
    Answer claim(String token, String uploadUrl, boolean read, boolean release) {
        String form = "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&url="
                + URLEncoder.encode(uploadUrl, StandardCharsets.UTF_8) + "&read=" + read + "&release=" + release;
        return send(request("api/claim").timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Releases a token at an endpoint. */
    Answer release(String path, String token) {
        return send(request(path + "?stored=" + URLEncoder.encode(token, StandardCharsets.UTF_8)).DELETE());
    }

    /** GETs or POSTs (without body) a path below the deployment. */
    Answer call(String method, String path) {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** @return the value of the Authorization header of the user */
    String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization()).header("X-Requested-With", "XMLHttpRequest");
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer: status, content type, body. */
    record Answer(int status, String contentType, String body) {

        JsonObject json() {
            try {
                return Json.createReader(new StringReader(body)).readObject();
            } catch (RuntimeException e) {
                throw new AssertionError("Not JSON (" + status + ", " + contentType + "): " + body, e);
            }
        }

        String error(String field) {
            return json().getJsonObject("errors").getJsonArray(field).getString(0);
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}

package io.github.stickyuploads.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Uses Faces pages like a browser with JavaScript switched off: logs in through the login form, keeps
 * the session cookie, and submits a page's form with all its fields (view state included) plus whatever a
 * test sets or attaches.
 */
final class FacesClient {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String language;
    private int lastStatus;

    private FacesClient(URL deployment, String language) {
        this.base = URI.create(deployment.toString());
        this.language = language;
    }

    /** @return a client logged in as the user, through the login form */
    static FacesClient loggedIn(URL deployment, String user) {
        return loggedIn(deployment, user, "en");
    }

    /** @return a client logged in as the user, asking for pages in the given language */
    static FacesClient loggedIn(URL deployment, String user, String language) {
        FacesClient client = new FacesClient(deployment, language);
        client.get("app/form.xhtml"); // the container remembers where to go after the login
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(client.base.resolve("j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=" + user + "&j_password=" + user + "-pw")));
        if (login.body().contains("j_security_check")) {
            throw new IllegalStateException("Login of " + user + " failed");
        }
        return client;
    }

    /** @return the page, parsed */
    Document get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(path)).GET());
        return Jsoup.parse(response.body(), response.uri().toString());
    }

    /** @return the raw answer to a GET */
    HttpResponse<String> raw(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** Uploads a file to an endpoint in the background, as the script does, in this client's session. */
    UploadClient.Answer upload(String endpoint, String filename, byte[] content) {
        UploadClient parts = UploadClient.to(toUrl(base)).file("upload", filename, content);
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(endpoint))
                .header("X-Requested-With", "XMLHttpRequest")
                .header("Content-Type", parts.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(parts.body())));
        return UploadClient.Answer.of(response);
    }

    /** POSTs form fields to a path, in this client's session. */
    UploadClient.Answer postForm(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream().map(field -> java.net.URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                + "=" + java.net.URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
        return UploadClient.Answer.of(send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))));
    }

    /** Releases an upload, as the script's Remove does; returns the status. */
    int release(String endpoint, String token) {
        return send(HttpRequest.newBuilder(base.resolve(endpoint + "?stored=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .header("X-Requested-With", "XMLHttpRequest").DELETE()).statusCode();
    }

    /** Starts filling the form of a page. */
    Submit form(Document page, String formId) {
        Element form = page.getElementById(formId);
        if (form == null) {
            throw new AssertionError("No form " + formId + " in " + page.location() + ":\n" + page.html());
        }
        return new Submit(form);
    }

    /** One submit of a form: its current fields, changed and extended by the test. */
    final class Submit {

        private final Element form;
        private final List<Map.Entry<String, String>> fields = new ArrayList<>();
        private final Map<String, Map.Entry<String, byte[]>> files = new LinkedHashMap<>();
        private final List<Map.Entry<String, Map.Entry<String, byte[]>>> extraFiles = new ArrayList<>();
        private int status;
        private boolean truncated;

        private Submit(Element form) {
            this.form = form;
            for (Element input : form.select("input[name], textarea[name], select[name]")) {
                String type = input.attr("type");
                boolean unchecked = ("checkbox".equals(type) || "radio".equals(type)) && !input.hasAttr("checked");
                if (!input.hasAttr("disabled") && !unchecked && !List.of("file", "submit", "button", "image").contains(type)) {
                    fields.add(Map.entry(input.attr("name"), input.val()));
                }
            }
        }

        /** Sets a field, replacing all its values. */
        Submit set(String name, String value) {
            fields.removeIf(field -> field.getKey().equals(name));
            fields.add(Map.entry(name, value));
            return this;
        }

        /** Adds a value to a field, e.g. ticks a checkbox. */
        Submit add(String name, String value) {
            fields.add(Map.entry(name, value));
            return this;
        }

        /** Attaches a file to a file input, as a browser without JavaScript sends it. */
        Submit attach(String name, String filename, byte[] content) {
            files.put(name, Map.entry(filename, content));
            return this;
        }

        /** Sends the body cut off before its end, as a client that went away or a broken proxy would. */
        Submit truncated() {
            truncated = true;
            return this;
        }

        /** @return the status of the answer to {@link #press} */
        int status() {
            return status;
        }

        /** Adds a file part that the page has no input for, as a forged form would. */
        Submit attachForged(String name, String filename, byte[] content) {
            extraFiles.add(Map.entry(name, Map.entry(filename, content)));
            return this;
        }

        /** Submits with the button, and returns the page that comes back. */
        Document press(String buttonName) {
            Element button = form.selectFirst("[name=" + buttonName.replace(":", "\\:") + "]");
            fields.add(Map.entry(buttonName, button == null ? "" : button.val()));
            String boundary = "----faces" + UUID.randomUUID().toString().replace("-", "");
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (Map.Entry<String, String> field : fields) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                        + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            List<Map.Entry<String, Map.Entry<String, byte[]>>> parts = new ArrayList<>();
            for (Element input : form.select("input[type=file][name]")) {
                parts.add(Map.entry(input.attr("name"), files.getOrDefault(input.attr("name"), Map.entry("", new byte[0]))));
            }
            parts.addAll(extraFiles);
            for (Map.Entry<String, Map.Entry<String, byte[]>> part : parts) {
                Map.Entry<String, byte[]> file = part.getValue();
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.getKey()
                        + "\"; filename=\"" + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.writeBytes(file.getValue());
                body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            URI action = URI.create(form.absUrl("action"));
            HttpResponse<String> response = send(HttpRequest.newBuilder(action)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(truncated
                            ? java.util.Arrays.copyOf(body.toByteArray(), body.size() * 2 / 3) : body.toByteArray())));
            status = response.statusCode();
            return Jsoup.parse(response.body(), response.uri().toString());
        }
    }

    /** @return the status of the last answer */
    int lastStatus() {
        return lastStatus;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).header("Accept-Language", language).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            lastStatus = response.statusCode();
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URL toUrl(URI uri) {
        try {
            return uri.toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.github.stickyuploads.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The original, django-sticky-uploads, served by the person running the benchmark beside it (the README's
 * Performance section says how it was run), so that the same load tool sends it the same bytes, alternating with
 * ours. The benchmark knows it only by four settings:
 *
 * <ul>
 * <li>{@code bench.original.url}: its upload view, e.g. {@code http://localhost:8000/sticky-uploads/default/};</li>
 * <li>{@code bench.original.cookie}: the {@code Cookie} header of a logged-in session with a {@code csrftoken},
 * whose value is also sent as {@code X-CSRFToken}, as the original's script does;</li>
 * <li>{@code bench.original.pid}: its server's main process (gunicorn's master): the CPU time of it and all its
 * descendants is the original's server CPU;</li>
 * <li>{@code bench.original.files}: the folder it stores into (its {@code TMPDIR}), emptied between runs, since
 * the original never removes an upload.</li>
 * </ul>
 */
final class Original {

    private final URI url;
    private final String cookie;
    private final String csrfToken;
    private final long pid;
    private final Path files;

    private Original(URI url, String cookie, long pid, Path files) {
        this.url = url;
        this.cookie = cookie;
        this.csrfToken = Stream.of(cookie.split(";")).map(String::trim).filter(c -> c.startsWith("csrftoken="))
                .map(c -> c.substring("csrftoken=".length())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("bench.original.cookie holds no csrftoken"));
        this.pid = pid;
        this.files = files;
    }

    /** @return the original as the system properties describe it, or empty when {@code bench.original.url} is unset */
    static Optional<Original> fromSystemProperties() {
        String url = System.getProperty("bench.original.url", "");
        if (url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Original(URI.create(url), required("bench.original.cookie"),
                Long.parseLong(required("bench.original.pid")), Path.of(required("bench.original.files"))));
    }

    private static String required(String key) {
        String value = System.getProperty(key, "");
        if (value.isBlank()) {
            throw new IllegalArgumentException("bench.original.url is set, so " + key + " must be too");
        }
        return value;
    }

    /** @return an upload request to the original, logged in and with its CSRF header */
    HttpRequest.Builder upload() {
        return HttpRequest.newBuilder(url).header("Cookie", cookie).header("X-CSRFToken", csrfToken);
    }

    /** @return whether the original's answer reports a stored upload */
    static boolean stored(String answer) {
        return answer.contains("\"is_valid\": true") && answer.contains("\"stored\"");
    }

    /**
     * @return the CPU time, user and system, of the original's server and all its processes so far, those that
     *         ended included, so that a worker the server replaces mid-run does not take its time with it
     */
    double serverCpuSeconds() {
        ProcessHandle server = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("The original's server " + pid + " is not running"));
        return ProcessCpu.secondsWithEndedChildren(pid) + server.descendants().mapToLong(ProcessHandle::pid)
                .mapToDouble(ProcessCpu::secondsWithEndedChildren).sum();
    }

    /** Removes what the original stored, outside the timed parts. */
    void empty() throws IOException {
        List<Path> stored;
        try (Stream<Path> all = Files.walk(files)) {
            stored = all.filter(path -> !path.equals(files)).sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : stored) {
            Files.deleteIfExists(path);
        }
    }

    @Override
    public String toString() {
        return url.toString();
    }
}

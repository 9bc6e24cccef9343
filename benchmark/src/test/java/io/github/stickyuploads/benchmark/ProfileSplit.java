package io.github.stickyuploads.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a server's CPU time per upload goes, from a Java Flight Recorder recording of it: each execution sample
 * is charged to the first frame, counted from the running method down, that belongs to a known part (Tika, the
 * hashing, Jersey, the authentication, …), so that a JDK method is charged to whoever called it. The shares are
 * shares of the Java samples; the milliseconds spread, in those shares, the CPU time per upload that {@code /proc}
 * measured in runs of the same uploads without the recording (which costs CPU of its own). Time outside Java code
 * (system calls, the garbage collector, the JIT) is spread with them, and samples that JFR cannot walk are lost:
 * the SHA-256 intrinsic's are, where the JIT inlined it, so hashing shows less than it costs.
 */
final class ProfileSplit {

    /** The parts, by the start of their class names; a frame is charged to the first part that names it. */
    private static final Map<String, List<String>> PARTS = parts();
    private static final String OTHER = "JDK and other";

    private final Map<String, Integer> samples;
    private final int total;
    private final double cpuMillisPerUpload;

    private ProfileSplit(Map<String, Integer> samples, double cpuMillisPerUpload) {
        this.samples = samples;
        this.total = samples.values().stream().mapToInt(Integer::intValue).sum();
        this.cpuMillisPerUpload = cpuMillisPerUpload;
    }

    private static Map<String, List<String>> parts() {
        Map<String, List<String>> parts = new LinkedHashMap<>();
        parts.put("type detection (Tika)", List.of("org.apache.tika."));
        parts.put("SHA-256", List.of("sun.security.provider.SHA", "sun.security.provider.DigestBase", "java.security.MessageDigest"));
        parts.put("multipart parsing (Jetty's parser, or the container's)", List.of("org.eclipse.jetty.",
                "io.github.stickyuploads.internal.multipart.", "org.apache.catalina.fileupload.", "org.glassfish.jersey.media.multipart.",
                "org.jvnet.mimepull."));
        parts.put("files (create, write, list, stat)", List.of("sun.nio.fs.", "sun.nio.ch.FileChannelImpl", "java.nio.file.",
                "java.io.FileOutputStream", "io.github.stickyuploads.storage.", "io.github.stickyuploads.internal.files."));
        parts.put("token and JSON answer", List.of("io.github.stickyuploads.internal.token.", "org.eclipse.parsson.", "jakarta.json."));
        parts.put("benchmark endpoint's own code", List.of("io.github.stickyuploads.benchmark."));
        parts.put("the library's gate, admission and pipeline", List.of("io.github.stickyuploads."));
        parts.put("authentication (Jakarta Security: Soteria, JASPIC)", List.of("org.glassfish.soteria.", "jakarta.security.",
                "com.sun.web.security.", "com.sun.enterprise.security.", "org.glassfish.exousia."));
        parts.put("JAX-RS (Jersey)", List.of("org.glassfish.jersey."));
        parts.put("CDI (Weld)", List.of("org.jboss.weld."));
        parts.put("HTTP server and servlet container (Grizzly, Payara)", List.of("org.glassfish.grizzly.", "org.apache.catalina.",
                "org.apache.coyote.", "com.sun.enterprise.", "fish.payara.", "org.glassfish."));
        return parts;
    }

    /**
     * @param recording a JFR recording of the server
     * @param cpuMillisPerUpload the server's CPU time per upload, measured without the recording
     * @return the split of the recording's execution samples
     * @throws IOException if the recording cannot be read
     */
    static ProfileSplit of(Path recording, double cpuMillisPerUpload) throws IOException {
        Map<String, Integer> samples = new LinkedHashMap<>();
        PARTS.keySet().forEach(part -> samples.put(part, 0));
        samples.put(OTHER, 0);
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                samples.merge(partOf(event.getStackTrace().getFrames()), 1, Integer::sum);
            }
        }
        return new ProfileSplit(samples, cpuMillisPerUpload);
    }

    private static String partOf(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, List<String>> part : PARTS.entrySet()) {
                if (part.getValue().stream().anyMatch(type::startsWith)) {
                    return part.getKey();
                }
            }
        }
        return OTHER;
    }

    /**
     * @param title what was recorded
     * @param splits the splits of each endpoint, by the endpoint's column title
     * @return a Markdown table: per part, each endpoint's milliseconds of CPU per upload and share of samples
     */
    static String table(String title, Map<String, ProfileSplit> splits) {
        StringBuilder table = new StringBuilder("| " + title + ": server CPU per upload, ms (share of Java samples) |");
        splits.keySet().forEach(endpoint -> table.append(' ').append(endpoint).append(" |"));
        table.append("\n|---|").append("---|".repeat(splits.size())).append('\n');
        for (String part : splits.values().iterator().next().samples.keySet()) {
            table.append("| ").append(part).append(" |");
            splits.values().forEach(split -> table.append(' ').append(split.cell(part)).append(" |"));
            table.append('\n');
        }
        table.append("| all (CPU per upload from /proc; Java samples) |");
        splits.values().forEach(split -> table.append(String.format(Locale.ROOT, " %.2f (%d) |", split.cpuMillisPerUpload, split.total)));
        return table.append('\n').toString();
    }

    private String cell(String part) {
        double share = total == 0 ? 0 : samples.get(part) / (double) total;
        return String.format(Locale.ROOT, "%.2f (%.0f %%)", share * cpuMillisPerUpload, share * 100);
    }
}

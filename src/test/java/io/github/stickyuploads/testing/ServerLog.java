package io.github.stickyuploads.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the server logs from now on, wherever it runs: an embedded server logs in this JVM, where a handler
 * records it; a managed one writes a log file (the system property {@code test.server.log}), read from its
 * size at the start on, since a server such as WildFly appends to one file across runs.
 *
 * <p>{@link #entries()} reads each record with its level, in the format of whichever server wrote it: the
 * first line of a record names its level, the lines up to the next record (a stack trace, GlassFish's message)
 * belong to it.
 */
public final class ServerLog implements AutoCloseable {

    /**
     * The first line of a record, by format, with its level and its logger: this JVM's handler, WildFly's
     * server.log, Open Liberty's messages.log (the logger's name cut to its last 60 characters), GlassFish's
     * server.log (ODL: [time] [product] [level] [message id] [logger]).
     */
    private static final List<Pattern> RECORD_STARTS = List.of(
            Pattern.compile("^(?<level>SEVERE|WARNING|INFO|CONFIG|FINE|FINER|FINEST): \\[(?<logger>[^\\]]*)\\] "),
            Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} (?<level>\\w+) +\\[(?<logger>[^\\]]+)\\] "),
            Pattern.compile("^\\[[^\\]]+\\] [0-9a-f]{8} (?<logger>\\S+) +(?<level>[A-Z]) "),
            Pattern.compile("^\\[[^\\]]+\\] \\[[^\\]]*\\] \\[(?<level>\\w+)\\] \\[[^\\]]*\\] \\[(?<logger>[^\\]]*)\\] "));
    /** The levels of those formats, by the name or letter each writes; any other is below a warning. */
    private static final Map<String, Level> LEVELS = Map.of("SEVERE", Level.SEVERE, "FATAL", Level.SEVERE,
            "ERROR", Level.SEVERE, "E", Level.SEVERE, "F", Level.SEVERE,
            "WARNING", Level.WARNING, "WARN", Level.WARNING, "W", Level.WARNING);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final List<String> records = new CopyOnWriteArrayList<>();
    private final Handler handler;
    private final Path file;
    private final long start;

    /**
     * A record of the log.
     *
     * @param level its level, as {@link Level#SEVERE}, {@link Level#WARNING} or {@link Level#INFO} for anything less
     * @param logger the name of its logger, empty for output that is no record (e.g. a stack trace on its own)
     * @param text all its lines, as the server wrote them
     */
    public record Entry(Level level, String logger, String text) {

        /**
         * @param name a logger's name
         * @return whether that logger or one below it wrote the record
         */
        public boolean isFrom(String name) {
            return logger.equals(name) || logger.startsWith(name + ".");
        }

        /** @return whether it is a warning or worse */
        public boolean isWarningOrWorse() {
            return level.intValue() >= Level.WARNING.intValue();
        }
    }

    private ServerLog() {
        String log = System.getProperty("test.server.log");
        if (log == null || log.isBlank()) {
            file = null;
            start = 0;
            handler = new Handler() {
                @Override
                public void publish(LogRecord record) {
                    records.add(record.getLevel() + ": [" + record.getLoggerName() + "] " + record.getMessage()
                            + (record.getParameters() == null ? "" : " " + Arrays.toString(record.getParameters()))
                            + (record.getThrown() == null ? "" : " " + record.getThrown()));
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            Logger.getLogger("").addHandler(handler);
        } else {
            handler = null;
            file = Path.of(log);
            start = size(file);
        }
    }

    /** @return a log that records from now on */
    public static ServerLog watch() {
        return new ServerLog();
    }

    /** @return what was logged since {@link #watch()}, one entry per record (embedded) or line (file) */
    public List<String> lines() {
        if (file == null) {
            return List.copyOf(records);
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long end = in.length();
            byte[] bytes = new byte[(int) Math.max(0, end - start)];
            in.seek(Math.min(start, end));
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the entries that contain a text */
    public List<String> linesWith(String text) {
        return lines().stream().filter(line -> line.contains(text)).toList();
    }

    /** @return what was logged since {@link #watch()}, one entry per record, whatever the server's format */
    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        StringBuilder text = null;
        Matcher start = null;
        for (String line : lines()) {
            Optional<Matcher> starts = recordStartingWith(line);
            if (starts.isPresent() || text == null) {
                if (text != null) {
                    entries.add(entry(start, text));
                }
                text = new StringBuilder(line);
                start = starts.orElse(null);
            } else {
                text.append('\n').append(line);
            }
        }
        if (text != null) {
            entries.add(entry(start, text));
        }
        return entries;
    }

    /**
     * Waits a little for a record, as a server may write its log after it answered.
     *
     * @param wanted what the record must be like
     * @return the entries so far, with such a record among them unless none came
     */
    public List<Entry> awaitEntry(Predicate<Entry> wanted) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<Entry> entries = entries();
        while (entries.stream().noneMatch(wanted) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            entries = entries();
        }
        return entries;
    }

    private static Optional<Matcher> recordStartingWith(String line) {
        return RECORD_STARTS.stream().map(start -> start.matcher(line)).filter(Matcher::find).findFirst();
    }

    private static Entry entry(Matcher start, CharSequence text) {
        return start == null ? new Entry(Level.INFO, "", text.toString())
                : new Entry(LEVELS.getOrDefault(start.group("level"), Level.INFO), start.group("logger"), text.toString());
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (handler != null) {
            Logger.getLogger("").removeHandler(handler);
        }
    }
}

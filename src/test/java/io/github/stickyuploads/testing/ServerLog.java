package io.github.stickyuploads.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the server logs from now on, wherever it runs: an embedded server logs in this JVM, where a handler
 * records it; a managed one writes a log file (the system property {@code test.server.log}), read from its
 * size at the start on.
 */
public final class ServerLog implements AutoCloseable {

    private final List<String> records = new CopyOnWriteArrayList<>();
    private final Handler handler;
    private final Path file;
    private final long start;

    private ServerLog() {
        String log = System.getProperty("test.server.log");
        if (log == null || log.isBlank()) {
            file = null;
            start = 0;
            handler = new Handler() {
                @Override
                public void publish(LogRecord record) {
                    records.add(record.getLevel() + ": " + record.getMessage()
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

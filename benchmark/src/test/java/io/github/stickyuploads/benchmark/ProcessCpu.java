package io.github.stickyuploads.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A process's CPU time from /proc, user and system, all its threads: what a server spent, whatever its language. */
final class ProcessCpu {

    private ProcessCpu() {
    }

    /** @return the seconds of CPU the process has used so far, or 0 if it has ended */
    static double seconds(long pid) {
        return ticks(pid, 2) / 100.0; // utime, stime in 1/100 s
    }

    /**
     * @return the seconds of CPU the process and its ended children that it has waited for have used so far, or 0
     *         if it has ended: a worker that a server replaces keeps counting
     */
    static double secondsWithEndedChildren(long pid) {
        return ticks(pid, 4) / 100.0; // utime, stime, cutime, cstime
    }

    private static long ticks(long pid, int fieldsFromUtime) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = 0;
            for (int field = 11; field < 11 + fieldsFromUtime; field++) {
                ticks += Long.parseLong(fields[field]);
            }
            return ticks;
        } catch (NoSuchFileException ended) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.github.stickyuploads.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Drives the library's endpoint and four others on one Payara Micro server (-Xmx256m), alternating them in the
 * same run: a raw baseline, the baseline with SHA-256 (the limit), the Servlet {@code Part} API and Jakarta REST's
 * {@code EntityPart} (what a user would write instead). It prints the state it started from and one Markdown
 * table: throughput of large uploads, rate and latency of small ones, the ratios of ours to the others, the
 * server's memory during eight 1 GiB uploads, and the token's cost (JMH). Uploads go round 200 users. Every run
 * starts from an empty temp root and an empty baseline folder of its own.
 *
 * <p>With the original served beside it ({@link Original}), a full run adds a table of ours against it, and
 * {@code original} runs that table alone.
 *
 * <p>Arguments: {@code full|smoke|profile|original}, the Payara Micro jar, the benchmark WAR, the HTTP port, the
 * output folder. {@code profile} sends the library's endpoint and the hashing baseline 16 KiB and 1 MiB uploads, eight
 * at once, records each with Java Flight Recorder's profiling settings into {@code benchmark-<size>[-<endpoint>].jfr},
 * and prints where each one's server CPU per upload goes ({@link ProfileSplit}).
 */
public final class Benchmark {

    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;
    private static final long GIB = 1024 * MIB;
    /** Uploads go round the users bench0 to bench199 (see BenchUsers), at most 10 live uploads each. */
    private static final int USERS = 200;
    private static final String AUTHORIZATION = basic("bench");
    private static final String BASELINE = "bench/baseline";
    private static final String HASHING = "bench/baseline-sha256";
    private static final String PART = "bench-part";
    private static final String ENTITY_PART = "bench/entitypart";
    private static final String OURS = "sticky-uploads/default";
    private static final String OURS_ON_S3 = "sticky-uploads/s3";
    /** Not a path of the benchmark's server: uploads to it go to {@link Original}. */
    private static final String ORIGINAL = "the original";
    private static final List<String> ENDPOINTS = List.of(BASELINE, HASHING, PART, ENTITY_PART, OURS);
    /** Each row runs every endpoint this many times, in alternating order, and averages. */
    private static final int ROUNDS = 2;
    private static final Pattern TOKEN = Pattern.compile("\"stored\":\"([A-Za-z0-9_-]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;
    private final List<Stored> tokens = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger nextUser = new AtomicInteger();

    private final long serverPid;
    private final S3Rows s3;
    private final Optional<Original> original;
    private final Path output;

    private Benchmark(URI base, long serverPid, S3Rows s3, Optional<Original> original, Path output) {
        this.base = base;
        this.serverPid = serverPid;
        this.s3 = s3;
        this.original = original;
        this.output = output;
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = "smoke".equals(args[0]);
        boolean profile = "profile".equals(args[0]);
        boolean originalOnly = "original".equals(args[0]);
        Path output = Path.of(args[4]);
        int port = Integer.parseInt(args[3]);
        Path state = Files.createDirectories(output.resolve("bench-state-" + System.currentTimeMillis()));
        String startedFrom = startedFrom(state);
        try (S3Rows s3 = S3Rows.start()) {
            Process server = startServer(Path.of(args[1]), Path.of(args[2]), port, output.resolve("benchmark-server.log"),
                    state, s3.serverProperties());
            try {
                new Benchmark(URI.create("http://localhost:" + port + "/"), server.pid(), s3, Original.fromSystemProperties(),
                        output)
                        .runAndPrint(server, profile, smoke, originalOnly, startedFrom);
            } finally {
                server.destroy();
                server.waitFor();
            }
        }
    }

    private void runAndPrint(Process server, boolean profile, boolean smoke, boolean originalOnly, String startedFrom)
            throws Exception {
        awaitServer(server);
        if (profile) {
            profile(output);
            return;
        }
        if (originalOnly && original.isEmpty()) {
            throw new IllegalArgumentException("bench.mode=original needs bench.original.url and the other settings");
        }
        if (originalOnly) {
            warmUpServer(false);
        }
        String tables = originalOnly ? originalTable(false)
                : run(smoke) + "\n" + s3Table(smoke) + (original.isPresent() ? "\n" + originalTable(smoke) : "");
        System.out.println(startedFrom);
        System.out.println(tables);
        String name = smoke ? "benchmark-smoke.md" : originalOnly ? "benchmark-original.md" : "benchmark.md";
        Files.writeString(output.resolve(name), startedFrom + "\n" + tables);
    }

    /** The s3 endpoint's storage is shared between servers, so the server gets a secret of its own, as it must. */
    private static Process startServer(Path micro, Path war, int port, Path log, Path state, List<String> s3)
            throws IOException {
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A server out of heap would answer nothing and stall the run: it leaves a heap dump and exits.
                "-Xmx256m", "-XX:+HeapDumpOnOutOfMemoryError", "-XX:HeapDumpPath=" + state, "-XX:+ExitOnOutOfMemoryError",
                "-Dstickyuploads.temp.path=" + state.resolve("temp-root"),
                "-Dbench.files=" + state.resolve("baseline-files"),
                "-Dstickyuploads.secret=" + Base64.getEncoder().encodeToString(secret)));
        command.addAll(s3);
        command.addAll(List.of("-jar", micro.toString(), "--deploy", war.toString(), "--contextroot", "/", "--port",
                String.valueOf(port), "--nocluster"));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /**
     * What the run starts from, printed with its table: two runs that disagree are compared by it first.
     */
    private static String startedFrom(Path state) throws IOException {
        String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                .findFirst().map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("?");
        long free = Files.getFileStore(state).getUsableSpace();
        return String.format(Locale.ROOT, "Started from: an empty temp root and an empty baseline folder in %s (%d GiB free "
                + "there); %d cores of %s; load average %s; Java %s; %s", state, free / GIB,
                Runtime.getRuntime().availableProcessors(), cpu, load, System.getProperty("java.version"), Instant.now());
    }

    /** Records the library's endpoint under load, one recording per size, after a warm-up of that size. */
    private void profile(Path output) throws Exception {
        // Batches of 2,000, ten per user, released after each: within the default quota of 20 waiting uploads.
        int batch = 2_000;
        StringBuilder tables = new StringBuilder();
        for (long size : new long[] {16 * KIB, MIB}) {
            int batches = size < MIB ? 10 : 2;
            Map<String, ProfileSplit> splits = new LinkedHashMap<>();
            for (String endpoint : List.of(HASHING, OURS)) {
                for (int i = 0; i < batches / 2; i++) {
                    run(endpoint, size, 8, batch, null); // warm-up
                }
                double cpuSeconds = 0;
                for (int i = 0; i < batches / 2; i++) { // the CPU time without the recording's own
                    cpuSeconds += run(endpoint, size, 8, batch, null).serverCpuSeconds();
                }
                String name = endpoint.equals(OURS) ? "" : "-" + endpoint.substring(endpoint.lastIndexOf('/') + 1);
                Path recording = output.resolve("benchmark-" + human(size).replace(" ", "") + name + ".jfr").toAbsolutePath();
                jcmd("JFR.start", "name=bench", "settings=profile");
                for (int i = 0; i < batches; i++) {
                    run(endpoint, size, 8, batch, null);
                }
                jcmd("JFR.stop", "name=bench", "filename=" + recording);
                System.out.println("Recorded " + batches * batch + " uploads of " + human(size) + " to " + endpoint + " into " + recording);
                splits.put(endpoint.equals(OURS) ? "sticky-uploads" : "baseline + SHA-256",
                        ProfileSplit.of(recording, cpuSeconds * 1000 / (batches / 2 * batch)));
            }
            tables.append(ProfileSplit.table(human(size) + " uploads, 8 at once", splits)).append('\n');
        }
        System.out.println(tables);
        Files.writeString(output.resolve("benchmark-profile.md"), tables);
    }

    private void jcmd(String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(serverPid)));
        line.addAll(List.of(command));
        if (new ProcessBuilder(line).inheritIO().start().waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed");
        }
    }

    private void awaitServer(Process server) throws Exception {
        Instant deadline = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("The server stopped; see benchmark-server.log");
            }
            try {
                if (get("bench/memory").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Starting.
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The server did not start");
    }

    private String run(boolean smoke) throws Exception {
        StringBuilder table = new StringBuilder();
        table.append("| measurement | baseline | baseline + SHA-256 | Servlet Part | EntityPart | sticky-uploads "
                        + "| ours / baseline | ours / (baseline + SHA-256) | ours / Part | ours / EntityPart |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|\n");
        warmUpServer(smoke);

        long[] sizes = smoke ? new long[] {64 * KIB, MIB} : new long[] {MIB, 100 * MIB, GIB};
        int[] concurrencies = smoke ? new int[] {1, 2} : new int[] {1, 8};
        MemoryWatch memory = null;
        for (long size : sizes) {
            for (int concurrency : concurrencies) {
                int count = (int) Math.max(concurrency, Math.min(512, (smoke ? 4 * MIB : 512 * MIB) / size));
                count = (count + concurrency - 1) / concurrency * concurrency;
                boolean lastRow = size == sizes[sizes.length - 1] && concurrency == concurrencies[concurrencies.length - 1];
                warmUp(Math.min(size, MIB), concurrency, smoke ? 4 : 100);
                Map<String, Double> mibPerSecond = new HashMap<>();
                Map<String, Double> cpuPerGib = new HashMap<>();
                for (int round = 0; round < ROUNDS; round++) {
                    for (String endpoint : order(round)) {
                        MemoryWatch watch = lastRow && endpoint.equals(OURS) ? new MemoryWatch() : null;
                        Run run = run(endpoint, size, concurrency, count, watch);
                        mibPerSecond.merge(endpoint, run.mibPerSecond() / ROUNDS, Double::sum);
                        cpuPerGib.merge(endpoint, run.serverCpuSecondsPerGib() / ROUNDS, Double::sum);
                        memory = watch != null ? watch : memory;
                    }
                }
                String label = String.format(Locale.ROOT, "%s uploads, %d at once", human(size), concurrency);
                row(table, label + " (MiB/s)", mibPerSecond::get, "%.0f");
                row(table, label + ": server CPU per GiB (s)", cpuPerGib::get, "%.2f");
            }
        }
        int smallRequests = smoke ? 40 : 2000;
        for (int concurrency : smoke ? new int[] {1, 2} : new int[] {1, 8, 32}) {
            warmUp(16 * KIB, concurrency, smoke ? 10 : 200);
            Map<String, Latencies> latencies = new HashMap<>();
            for (int round = 0; round < ROUNDS; round++) {
                for (String endpoint : order(round)) {
                    latencies.merge(endpoint, run(endpoint, 16 * KIB, concurrency, smallRequests, null).small(), Latencies::merge);
                }
            }
            String label = "16 KiB uploads, " + concurrency + " at once";
            row(table, label + ": uploads/s", endpoint -> latencies.get(endpoint).rate(), "%.0f");
            row(table, label + ": server CPU per upload (ms)", endpoint -> latencies.get(endpoint).serverCpuMillis(), "%.2f");
            Latencies ours = latencies.get(OURS);
            table.append(String.format(Locale.ROOT, "| %s: p50 / p99 latency (ms) | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    label, latencies.get(BASELINE).percentiles(), latencies.get(HASHING).percentiles(),
                    latencies.get(PART).percentiles(), latencies.get(ENTITY_PART).percentiles(), ours.percentiles(),
                    ours.relativeTo(latencies.get(BASELINE)), ours.relativeTo(latencies.get(HASHING)),
                    ours.relativeTo(latencies.get(PART)), ours.relativeTo(latencies.get(ENTITY_PART))));
        }
        if (memory != null) {
            table.append(String.format(Locale.ROOT, "| server at -Xmx256m during the last row's uploads: peak heap used / peak RSS (MiB) | | | | | %d / %d | | | | |%n",
                    memory.peakHeap.get() / MIB, memory.peakRss() / MIB));
        }
        for (RunResult result : tokenCosts(smoke)) {
            table.append(String.format(Locale.ROOT, "| token %s (µs per operation, JMH) | | | | | %.2f | | | | |%n",
                    result.getParams().getBenchmark().replaceAll(".*\\.", ""), result.getPrimaryResult().getScore()));
        }
        return table.toString();
    }

    /**
     * The s3 rows: the library's endpoint on the s3 storage against the limit, the same bytes PUT straight to the
     * same S3 server by the same SDK, one upload at a time, alternating as the other rows do.
     */
    private String s3Table(boolean smoke) throws Exception {
        StringBuilder table = new StringBuilder("| measurement | S3 PutObject straight (the limit) | sticky-uploads on s3 "
                + "| ours / limit |\n|---|---|---|---|\n");
        for (long size : smoke ? new long[] {MIB, 10 * MIB} : new long[] {100 * MIB, GIB}) {
            int count = smoke ? 2 : (int) Math.max(2, 512 * MIB / size);
            Path file = S3Rows.file(output, size, new GeneratedFile(size));
            putStraight(file, 1);
            run(OURS_ON_S3, Math.min(size, 10 * MIB), 1, 2, null);
            double limit = 0;
            double ours = 0;
            for (int round = 0; round < ROUNDS; round++) {
                if (round % 2 == 0) {
                    limit += putStraight(file, count) / ROUNDS;
                    ours += run(OURS_ON_S3, size, 1, count, null).mibPerSecond() / ROUNDS;
                } else {
                    ours += run(OURS_ON_S3, size, 1, count, null).mibPerSecond() / ROUNDS;
                    limit += putStraight(file, count) / ROUNDS;
                }
            }
            table.append(String.format(Locale.ROOT, "| %s uploads, 1 at once (MiB/s) | %.0f | %.0f | %.2f |%n", human(size),
                    limit, ours, ours / limit));
        }
        return table.toString();
    }

    /**
     * The rows against the original: small and résumé-sized uploads, one and eight at once, ours and the original
     * alternating as the other rows do, with the server CPU per upload that limits both on shared cores.
     */
    private String originalTable(boolean smoke) throws Exception {
        StringBuilder table = new StringBuilder("| measurement (the original: " + original.orElseThrow() + ") "
                + "| django-sticky-uploads | sticky-uploads | ours / original |\n|---|---|---|---|\n");
        List<List<String>> orders = List.of(List.of(ORIGINAL, OURS), List.of(OURS, ORIGINAL));
        for (long size : new long[] {16 * KIB, MIB}) {
            for (int concurrency : new int[] {1, 8}) {
                int count = smoke ? 8 : size < MIB ? 2000 : 512;
                for (String endpoint : orders.get(0)) {
                    run(endpoint, size, concurrency, smoke ? 4 : 100, null);
                }
                Map<String, Latencies> runs = new HashMap<>();
                for (int round = 0; round < ROUNDS; round++) {
                    for (String endpoint : orders.get(round % 2)) {
                        runs.merge(endpoint, run(endpoint, size, concurrency, count, null).small(), Latencies::merge);
                    }
                }
                Latencies theirs = runs.get(ORIGINAL);
                Latencies ours = runs.get(OURS);
                String label = String.format(Locale.ROOT, "%s uploads, %d at once", human(size), concurrency);
                table.append(String.format(Locale.ROOT, "| %s: uploads/s | %.0f | %.0f | %.2f |%n", label, theirs.rate(),
                        ours.rate(), ours.rate() / theirs.rate()));
                table.append(String.format(Locale.ROOT, "| %s: server CPU per upload (ms) | %.2f | %.2f | %.2f |%n", label,
                        theirs.serverCpuMillis(), ours.serverCpuMillis(), ours.serverCpuMillis() / theirs.serverCpuMillis()));
                table.append(String.format(Locale.ROOT, "| %s: p50 / p99 latency (ms) | %s | %s | %s |%n", label,
                        theirs.percentiles(), ours.percentiles(), ours.relativeTo(theirs)));
            }
        }
        return table.toString();
    }

    /** @return MiB/s of {@code count} PUTs of the file, one after the other; the objects are removed after */
    private double putStraight(Path file, int count) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            s3.put(file, "straight/" + i);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        cleanUp();
        return Files.size(file) * (double) count / MIB / seconds;
    }

    /**
     * Runs every endpoint untimed on the next row's kind of uploads first, so that the row does not pay for
     * the JIT's work on a new size or concurrency, nor for what the previous row left behind.
     */
    /**
     * Warms every endpoint up before anything is measured, on the paths the rows take: the server's JIT compiles
     * the whole stack (container, Jersey, Weld, Tika, the library) on two shared cores, and a row measured before
     * it is done says more about the JIT than about the endpoint (a first row of 16 KiB uploads one at a time,
     * after 100 uploads of warm-up, cost ours 6.0 ms of server CPU per upload where a warm server pays 2.5 to 3.9).
     */
    private void warmUpServer(boolean smoke) throws Exception {
        for (String endpoint : ENDPOINTS) {
            run(endpoint, 16 * KIB, 8, smoke ? 10 : 2000, null);
            run(endpoint, MIB, 8, smoke ? 2 : 200, null);
        }
    }

    private void warmUp(long size, int concurrency, int count) throws Exception {
        for (String endpoint : ENDPOINTS) {
            run(endpoint, size, concurrency, count, null);
        }
    }

    /** The endpoints in the order of a round: forwards, then backwards, so that none always runs first. */
    private static List<String> order(int round) {
        List<String> order = new ArrayList<>(ENDPOINTS);
        if (round % 2 == 1) {
            Collections.reverse(order);
        }
        return order;
    }

    private static void row(StringBuilder table, String label, Function<String, Double> value, String format) {
        double ours = value.apply(OURS);
        table.append(String.format(Locale.ROOT, "| %s | " + format + " | " + format + " | " + format + " | " + format + " | "
                        + format + " | %.2f | %.2f | %.2f | %.2f |%n", label,
                value.apply(BASELINE), value.apply(HASHING), value.apply(PART), value.apply(ENTITY_PART), ours,
                ours / value.apply(BASELINE), ours / value.apply(HASHING), ours / value.apply(PART), ours / value.apply(ENTITY_PART)));
    }

    /**
     * Sends {@code count} uploads of {@code size} bytes, {@code concurrency} at a time, timing each and the
     * whole; releases them after.
     */
    private Run run(String path, long size, int concurrency, int count, MemoryWatch memory) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger left = new AtomicInteger(count);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        if (memory != null) {
            memory.start();
        }
        double cpuBefore = serverCpuSeconds(path);
        long start = System.nanoTime();
        List<Future<Object>> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            workers.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    long before = System.nanoTime();
                    upload(path, size);
                    latencies.add(System.nanoTime() - before);
                }
                return null;
            }));
        }
        try {
            for (Future<Object> worker : workers) {
                worker.get();
            }
        } finally {
            // A failed upload must end the run, not leave the other workers keeping the JVM alive.
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = serverCpuSeconds(path) - cpuBefore;
        if (memory != null) {
            memory.stop();
        }
        cleanUp();
        return new Run(size * (double) count, count, seconds, cpu, new ArrayList<>(latencies));
    }

    /**
     * A timed run: what it sent, how long it took, the CPU time the server spent in it (all its threads, user
     * and system), and each upload's latency.
     */
    private record Run(double bytes, int uploads, double seconds, double serverCpuSeconds, List<Long> latencies) {

        double mibPerSecond() {
            return bytes / MIB / seconds;
        }

        double serverCpuSecondsPerGib() {
            return serverCpuSeconds / (bytes / GIB);
        }

        Latencies small() {
            return new Latencies(latencies, uploads / seconds, serverCpuSeconds * 1000 / uploads);
        }
    }

    /** @return the CPU time that the server behind the path has used so far */
    private double serverCpuSeconds(String path) {
        return ORIGINAL.equals(path) ? original.orElseThrow().serverCpuSeconds() : ProcessCpu.seconds(serverPid);
    }

    /** Sends one multipart upload of a generated PDF-like file, the same bytes to either endpoint. */
    private void upload(String path, long size) throws Exception {
        // The boundary a browser sends (Chrome's form); its length sets how far a multipart parser's search skips.
        String boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gWb";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"bench.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        InputStream body = new SequenceInputStream(Collections.enumeration(List.of(new ByteArrayInputStream(head),
                new GeneratedFile(size), new ByteArrayInputStream(tail))));
        String user = "bench" + Math.floorMod(nextUser.getAndIncrement(), USERS);
        HttpRequest.Builder to = ORIGINAL.equals(path) ? original.orElseThrow().upload()
                : HttpRequest.newBuilder(base.resolve(path)).header("Authorization", basic(user));
        HttpRequest request = to.header("X-Requested-With", "XMLHttpRequest")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body),
                        head.length + size + tail.length)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || ORIGINAL.equals(path) && !Original.stored(response.body())) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        Matcher token = TOKEN.matcher(response.body());
        if (token.find()) {
            tokens.add(new Stored(path, user, token.group(1)));
        }
    }

    /** Releases what the runs stored, outside the timed parts, so that the disk does not fill. */
    private void cleanUp() throws Exception {
        send(HttpRequest.newBuilder(base.resolve(BASELINE)).DELETE());
        List<Stored> stored;
        synchronized (tokens) {
            stored = new ArrayList<>(tokens);
            tokens.clear();
        }
        for (Stored upload : stored) {
            http.send(HttpRequest.newBuilder(base.resolve(upload.path() + "?stored=" + upload.token()))
                    .header("Authorization", basic(upload.user())).header("X-Requested-With", "XMLHttpRequest")
                    .DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
        s3.empty();
        if (original.isPresent()) {
            original.get().empty();
        }
        // The next run starts on a quiet disk: the writeback of this run's bytes is not charged to it.
        new ProcessBuilder("sync").inheritIO().start().waitFor();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Authorization", AUTHORIZATION).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    /** An upload of the runs, to release after them. */
    private record Stored(String path, String user, String token) {
    }

    private static List<RunResult> tokenCosts(boolean smoke) throws Exception {
        OptionsBuilder options = new OptionsBuilder();
        options.include(TokenBenchmark.class.getName());
        options.forks(smoke ? 0 : 1);
        options.warmupIterations(smoke ? 1 : 3);
        options.warmupTime(TimeValue.milliseconds(smoke ? 100 : 1000));
        options.measurementIterations(smoke ? 1 : 5);
        options.measurementTime(TimeValue.milliseconds(smoke ? 100 : 1000));
        return new ArrayList<>(new Runner(options.build()).run());
    }

    private static String human(long size) {
        return size >= GIB ? size / GIB + " GiB" : size >= MIB ? size / MIB + " MiB" : size / KIB + " KiB";
    }

    /** Latencies of requests, their rate, and the server's CPU time per request. */
    private record Latencies(List<Long> nanos, double rate, double serverCpuMillis) {

        static Latencies merge(Latencies first, Latencies second) {
            List<Long> all = new ArrayList<>(first.nanos);
            all.addAll(second.nanos);
            return new Latencies(all, (first.rate + second.rate) / 2, (first.serverCpuMillis + second.serverCpuMillis) / 2);
        }

        String percentiles() {
            return String.format(Locale.ROOT, "%.1f / %.1f", percentile(50), percentile(99));
        }

        String relativeTo(Latencies other) {
            return String.format(Locale.ROOT, "%.2f / %.2f", percentile(50) / other.percentile(50), percentile(99) / other.percentile(99));
        }

        double percentile(int percent) {
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            int index = Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1);
            return sorted.get(Math.max(0, index)) / 1e6;
        }
    }

    /** Samples the server's heap in use while a run goes on; reads its peak RSS from /proc. */
    private final class MemoryWatch {

        private final AtomicLong peakHeap = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean();
        private Thread sampler;

        void start() {
            running.set(true);
            sampler = new Thread(() -> {
                while (running.get()) {
                    try {
                        peakHeap.accumulateAndGet(Long.parseLong(get("bench/memory").body().trim()), Math::max);
                        Thread.sleep(100);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            sampler.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            sampler.join();
        }

        long peakRss() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(serverPid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * KIB;
                }
            }
            return -1;
        }
    }

    /** A PDF-like stream of a given length, made of one random 64 KiB block repeated: cheap to produce. */
    private static final class GeneratedFile extends InputStream {

        private static final byte[] BLOCK = block();
        private final long length;
        private long position;

        GeneratedFile(long length) {
            this.length = length;
        }

        private static byte[] block() {
            byte[] block = new byte[64 * 1024];
            new Random(1).nextBytes(block);
            byte[] magic = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(magic, 0, block, 0, magic.length);
            return block;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            if (position >= length) {
                return -1;
            }
            int inBlock = (int) (position % BLOCK.length);
            int n = (int) Math.min(Math.min(count, BLOCK.length - inBlock), length - position);
            System.arraycopy(BLOCK, inBlock, buffer, offset, n);
            position += n;
            return n;
        }
    }
}

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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Drives the library's endpoint and a raw baseline on one Payara Micro server (-Xmx256m), alternating them in
 * the same run, and prints one Markdown table: throughput of large uploads, rate and latency of small ones,
 * the ratio ours / baseline, the server's memory during eight 1 GiB uploads, and the token's cost (JMH).
 *
 * <p>Arguments: {@code full|smoke}, the Payara Micro jar, the benchmark WAR, the HTTP port, the output folder.
 */
public final class Benchmark {

    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;
    private static final long GIB = 1024 * MIB;
    private static final String AUTHORIZATION = "Basic " + Base64.getEncoder().encodeToString("bench:bench".getBytes());
    private static final Pattern TOKEN = Pattern.compile("\"stored\":\"([A-Za-z0-9_-]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;
    private final List<String> tokens = Collections.synchronizedList(new ArrayList<>());

    private Benchmark(URI base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = "smoke".equals(args[0]);
        Path output = Path.of(args[4]);
        int port = Integer.parseInt(args[3]);
        Process server = startServer(Path.of(args[1]), Path.of(args[2]), port, output.resolve("benchmark-server.log"));
        try {
            Benchmark benchmark = new Benchmark(URI.create("http://localhost:" + port + "/"));
            benchmark.awaitServer(server);
            String table = benchmark.run(smoke, server.pid());
            System.out.println(table);
            Files.writeString(output.resolve(smoke ? "benchmark-smoke.md" : "benchmark.md"), table);
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static Process startServer(Path micro, Path war, int port, Path log) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-jar", micro.toString(), "--deploy", war.toString(), "--contextroot", "/", "--port", String.valueOf(port),
                "--nocluster").redirectErrorStream(true).redirectOutput(log.toFile()).start();
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

    private String run(boolean smoke, long serverPid) throws Exception {
        StringBuilder table = new StringBuilder();
        table.append("| measurement | baseline | sticky-uploads | ours / baseline |\n|---|---|---|---|\n");
        // Warm both endpoints up before measuring anything.
        for (int i = 0; i < (smoke ? 5 : 200); i++) {
            upload("bench/baseline", 64 * KIB);
            upload("sticky-uploads/default", 64 * KIB);
        }
        cleanUp();

        long[] sizes = smoke ? new long[] {64 * KIB, MIB} : new long[] {MIB, 100 * MIB, GIB};
        int[] concurrencies = smoke ? new int[] {1, 2} : new int[] {1, 8};
        MemoryWatch memory = null;
        for (long size : sizes) {
            for (int concurrency : concurrencies) {
                int count = (int) Math.max(concurrency, Math.min(64, (smoke ? 4 * MIB : 512 * MIB) / size));
                count = (count + concurrency - 1) / concurrency * concurrency;
                int rounds = size >= GIB ? 1 : 2;
                double baseline = 0;
                double ours = 0;
                for (int round = 0; round < rounds; round++) {
                    baseline += throughput("bench/baseline", size, concurrency, count, null);
                    boolean watch = size == sizes[sizes.length - 1] && concurrency == concurrencies[concurrencies.length - 1];
                    MemoryWatch here = watch ? new MemoryWatch(serverPid) : null;
                    ours += throughput("sticky-uploads/default", size, concurrency, count, here);
                    if (here != null) {
                        memory = here;
                    }
                }
                row(table, String.format(Locale.ROOT, "%s uploads, %d at once (MiB/s)", human(size), concurrency),
                        baseline / rounds, ours / rounds, "%.0f");
            }
        }
        int smallRequests = smoke ? 40 : 2000;
        for (int concurrency : smoke ? new int[] {1, 2} : new int[] {1, 8, 32}) {
            Latencies baseline = Latencies.merge(small("bench/baseline", concurrency, smallRequests),
                    small("bench/baseline", concurrency, smallRequests));
            Latencies ours = Latencies.merge(small("sticky-uploads/default", concurrency, smallRequests),
                    small("sticky-uploads/default", concurrency, smallRequests));
            String label = "16 KiB uploads, " + concurrency + " at once";
            row(table, label + ": uploads/s", baseline.rate(), ours.rate(), "%.0f");
            table.append(String.format(Locale.ROOT, "| %s: p50 / p99 latency (ms) | %.1f / %.1f | %.1f / %.1f | %.2f / %.2f |%n",
                    label, baseline.percentile(50), baseline.percentile(99), ours.percentile(50), ours.percentile(99),
                    ours.percentile(50) / baseline.percentile(50), ours.percentile(99) / baseline.percentile(99)));
        }
        if (memory != null) {
            table.append(String.format(Locale.ROOT, "| server at -Xmx256m during the last row's uploads: peak heap used / peak RSS (MiB) | | %d / %d | |%n",
                    memory.peakHeap.get() / MIB, memory.peakRss() / MIB));
        }
        for (RunResult result : tokenCosts(smoke)) {
            table.append(String.format(Locale.ROOT, "| token %s (µs per operation, JMH) | | %.2f | |%n",
                    result.getParams().getBenchmark().replaceAll(".*\\.", ""), result.getPrimaryResult().getScore()));
        }
        return table.toString();
    }

    private static void row(StringBuilder table, String label, double baseline, double ours, String format) {
        table.append(String.format(Locale.ROOT, "| %s | " + format + " | " + format + " | %.2f |%n", label, baseline, ours, ours / baseline));
    }

    /** MiB/s of {@code count} uploads of {@code size} bytes, {@code concurrency} at a time; the uploads are released after. */
    private double throughput(String path, long size, int concurrency, int count, MemoryWatch memory) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger left = new AtomicInteger(count);
        if (memory != null) {
            memory.start();
        }
        long start = System.nanoTime();
        List<Future<Object>> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            workers.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    upload(path, size);
                }
                return null;
            }));
        }
        for (Future<Object> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (memory != null) {
            memory.stop();
        }
        cleanUp();
        return size * (double) count / MIB / seconds;
    }

    private Latencies small(String path, int concurrency, int requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger left = new AtomicInteger(requests);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        List<Future<Object>> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            workers.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    long before = System.nanoTime();
                    upload(path, 16 * KIB);
                    latencies.add(System.nanoTime() - before);
                }
                return null;
            }));
        }
        for (Future<Object> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        cleanUp();
        return new Latencies(new ArrayList<>(latencies), requests / seconds);
    }

    /** Sends one multipart upload of a generated PDF-like file, the same bytes to either endpoint. */
    private void upload(String path, long size) throws Exception {
        String boundary = "----bench";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"bench.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        InputStream body = new SequenceInputStream(Collections.enumeration(List.of(new ByteArrayInputStream(head),
                new GeneratedFile(size), new ByteArrayInputStream(tail))));
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", AUTHORIZATION).header("X-Requested-With", "XMLHttpRequest")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body),
                        head.length + size + tail.length)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        Matcher token = TOKEN.matcher(response.body());
        if (token.find()) {
            tokens.add(token.group(1));
        }
    }

    /** Releases what the runs stored, outside the timed parts, so that the disk does not fill. */
    private void cleanUp() throws Exception {
        send(HttpRequest.newBuilder(base.resolve("bench/baseline")).DELETE());
        List<String> stored;
        synchronized (tokens) {
            stored = new ArrayList<>(tokens);
            tokens.clear();
        }
        for (String token : stored) {
            send(HttpRequest.newBuilder(base.resolve("sticky-uploads/default?stored=" + token))
                    .header("X-Requested-With", "XMLHttpRequest").DELETE());
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Authorization", AUTHORIZATION).build(), HttpResponse.BodyHandlers.ofString());
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

    /** Latencies of requests, and their rate. */
    private record Latencies(List<Long> nanos, double rate) {

        static Latencies merge(Latencies first, Latencies second) {
            List<Long> all = new ArrayList<>(first.nanos);
            all.addAll(second.nanos);
            return new Latencies(all, (first.rate + second.rate) / 2);
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

        private final long pid;
        private final AtomicLong peakHeap = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean();
        private Thread sampler;

        MemoryWatch(long pid) {
            this.pid = pid;
        }

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
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
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

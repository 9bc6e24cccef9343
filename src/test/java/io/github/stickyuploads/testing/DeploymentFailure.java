package io.github.stickyuploads.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A deployment that must fail, and the configuration error that says why: what the deployer threw (WildFly and
 * GlassFish put the cause in it) or else what the server logged meanwhile (embedded Payara only logs it).
 *
 * <p>Open Liberty's adapter reports a web application that failed its start only when its deployment timeout is
 * over, and without the cause: once the server has logged the failure, the deployer's wait is cut short (the
 * adapter's polling ends at an interrupt with a DeploymentException).
 */
public final class DeploymentFailure {

    private static final String INVALID_CONFIGURATION = "Invalid configuration";
    /** How long a deployer that reports failures at once may take after the server logged one. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    private DeploymentFailure() {
    }

    /**
     * @param deploy deploys the application that must not start
     * @param expectedFragments what the error must name, e.g. the configuration key
     * @return the error's line, for further checks
     */
    public static String of(Runnable deploy, String... expectedFragments) {
        List<String> said = new ArrayList<>();
        Predicate<ServerLog.Entry> failure = entry -> entry.text().contains(INVALID_CONFIGURATION);
        try (ServerLog log = ServerLog.watch()) {
            Thread deployer = Thread.currentThread();
            Thread watcher = new Thread(() -> {
                try {
                    while (log.entries().stream().noneMatch(failure)) {
                        Thread.sleep(200);
                    }
                    Thread.sleep(GRACE.toMillis());
                    deployer.interrupt();
                } catch (InterruptedException deployed) {
                    // The deployer returned by itself.
                }
            }, "deployment-failure-watcher");
            watcher.setDaemon(true);
            watcher.start();
            try {
                deploy.run();
            } catch (Exception e) { // a managed container's checked DeploymentException, thrown through the Deployer
                for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                    said.add(String.valueOf(cause.getMessage()));
                }
            } finally {
                watcher.interrupt();
                joinUninterruptibly(watcher);
                Thread.interrupted(); // the watcher's interrupt, if it came after the deployer had returned
            }
            if (said.stream().noneMatch(line -> line.contains(INVALID_CONFIGURATION))) {
                log.awaitEntry(failure).forEach(entry -> said.add(entry.text()));
            }
        }
        String error = said.stream().filter(line -> line.contains(INVALID_CONFIGURATION)).findFirst()
                .orElseThrow(() -> new AssertionError("no deployment failure was logged: " + said));
        for (String fragment : expectedFragments) {
            assertTrue(error.contains(fragment), "the error names '" + fragment + "': " + error);
        }
        return error;
    }

    private static void joinUninterruptibly(Thread thread) {
        while (true) {
            try {
                thread.join();
                return;
            } catch (InterruptedException ignored) {
                // the watcher's own interrupt, sent just before it ended; keep waiting for it to end
            }
        }
    }
}

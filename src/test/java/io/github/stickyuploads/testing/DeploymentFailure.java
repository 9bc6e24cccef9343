package io.github.stickyuploads.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

/**
 * A deployment that must fail, and the configuration error that says why: what the deployer threw (a managed
 * container throws) and what the server logged meanwhile (the embedded one only logs).
 */
public final class DeploymentFailure {

    private DeploymentFailure() {
    }

    /**
     * @param deploy deploys the application that must not start
     * @param expectedFragments what the error must name, e.g. the configuration key
     * @return the error's line, for further checks
     */
    public static String of(Runnable deploy, String... expectedFragments) {
        List<String> said = new ArrayList<>();
        try (ServerLog log = ServerLog.watch()) {
            try {
                deploy.run();
            } catch (RuntimeException e) {
                for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                    said.add(String.valueOf(cause.getMessage()));
                }
            }
            said.addAll(log.lines());
        }
        String failure = said.stream().filter(line -> line.contains("Invalid configuration")).findFirst()
                .orElseThrow(() -> new AssertionError("no deployment failure was logged: " + said));
        for (String fragment : expectedFragments) {
            assertTrue(failure.contains(fragment), "the error names '" + fragment + "': " + failure);
        }
        return failure;
    }
}

package io.github.stickyuploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The library's packages form no cycle, and the public ones never reach into one another through {@code internal}
 * and back: read from the compiled classes by the JDK's {@code jdeps}.
 */
class PackageCyclesTest {

    private static final Pattern EDGE = Pattern.compile("^\\s+(io\\.github\\.stickyuploads[\\w.]*)\\s+->\\s+(io\\.github\\.stickyuploads[\\w.]*)\\s");

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        Map<String, Set<String>> graph = dependencies();
        assertTrue(graph.size() >= 10, "jdeps saw the library's packages: " + graph.keySet());

        List<List<String>> cycles = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String start : graph.keySet()) {
            findCycles(graph, start, new ArrayList<>(), new HashSet<>(), done, cycles);
        }
        assertEquals(List.of(), cycles, "package cycles");
    }

    private static Map<String, Set<String>> dependencies() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("no jdeps in this JDK"));
        Path classes = Path.of("target", "classes");
        assertTrue(Files.isDirectory(classes), "compiled classes at " + classes.toAbsolutePath());
        StringWriter out = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:package", "-e",
                "io\\.github\\.stickyuploads.*", classes.toString());
        assertEquals(0, status, out::toString);
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            Matcher edge = EDGE.matcher(line);
            if (edge.find() && !edge.group(1).equals(edge.group(2))) {
                graph.computeIfAbsent(edge.group(1), key -> new TreeSet<>()).add(edge.group(2));
                graph.computeIfAbsent(edge.group(2), key -> new TreeSet<>());
            }
        }
        return graph;
    }

    private static void findCycles(Map<String, Set<String>> graph, String node, List<String> path, Set<String> onPath,
                                   Set<String> done, List<List<String>> cycles) {
        if (onPath.contains(node)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            cycle.add(node);
            cycles.add(cycle);
            return;
        }
        if (done.contains(node)) {
            return;
        }
        path.add(node);
        onPath.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            findCycles(graph, next, path, onPath, done, cycles);
        }
        onPath.remove(node);
        path.remove(path.size() - 1);
        done.add(node);
    }
}

package io.github.stickyuploads.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The s3 artifact's packages form no cycle: the public package uses the machinery below it, never the other way
 * round, as in the library (whose PackageCyclesTest is not in its tests jar). Read from the compiled classes by the
 * JDK's {@code jdeps}.
 */
class PackageCyclesTest {

    private static final String API = "io.github.stickyuploads.s3";
    private static final Pattern EDGE = Pattern.compile("^\\s+(" + Pattern.quote(API) + "[\\w.]*)\\s+->\\s+("
            + Pattern.quote(API) + "[\\w.]*)\\s");

    /** Each s3 package with the other s3 packages it uses. */
    private static Map<String, Set<String>> uses;

    @BeforeAll
    static void readTheClasses() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("no jdeps in this JDK"));
        Path classes = Path.of("target", "classes");
        assertTrue(Files.isDirectory(classes), "compiled classes at " + classes.toAbsolutePath());
        StringWriter out = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:package", "-e",
                Pattern.quote(API) + ".*", classes.toString());
        assertEquals(0, status, out::toString);
        uses = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            Matcher edge = EDGE.matcher(line);
            if (edge.find()) {
                uses.computeIfAbsent(edge.group(1), from -> new TreeSet<>()).add(edge.group(2));
                uses.computeIfAbsent(edge.group(2), to -> new TreeSet<>());
            }
        }
        uses.forEach((from, to) -> to.remove(from));
        assertTrue(uses.containsKey(API + ".internal"), "jdeps saw the internal package: " + uses.keySet());
    }

    @Test
    void theMachineryNeverUsesThePublicPackage() {
        List<String> backwards = uses.entrySet().stream().filter(entry -> !entry.getKey().equals(API))
                .filter(entry -> entry.getValue().contains(API)).map(Map.Entry::getKey).toList();
        assertEquals(List.of(), backwards, "packages below " + API + " that use it");
    }

    /** Takes away, round by round, the packages that use no package left; a cycle is what can never go. */
    @Test
    void noPackageDependsOnItselfThroughOthers() {
        Map<String, Set<String>> left = new TreeMap<>();
        uses.forEach((from, to) -> left.put(from, new TreeSet<>(to)));
        boolean removed = true;
        while (removed) {
            List<String> leaves = left.entrySet().stream().filter(entry -> entry.getValue().isEmpty())
                    .map(Map.Entry::getKey).toList();
            leaves.forEach(left::remove);
            left.values().forEach(to -> to.removeAll(leaves));
            removed = !leaves.isEmpty();
        }
        assertEquals(Map.of(), left, "packages on or behind a cycle, with what they use");
    }
}

package io.github.stickyuploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public type and member of the API (the packages outside {@code internal}) says since when it exists: its
 * Javadoc carries {@code @since}. (That each has Javadoc at all, the build's doclint checks.)
 */
class ApiDocsTest {

    private static final Path SOURCES = Path.of("src", "main", "java", "io", "github", "stickyuploads");
    private static final Pattern PUBLIC = Pattern.compile("^\\s*(public|protected)\\s.*");
    private static final Pattern INTERFACE = Pattern.compile("public (sealed )?interface ");

    @Test
    void everyApiTypeAndMemberHasASince() throws IOException {
        List<String> missing = new ArrayList<>();
        int documented = 0;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java") && !path.toString().contains("internal")
                    && !path.getFileName().toString().equals("package-info.java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                boolean isInterface = INTERFACE.matcher(String.join("\n", lines)).find();
                for (int i = 0; i < lines.size(); i++) {
                    if (!lines.get(i).strip().startsWith("/**")) {
                        continue;
                    }
                    int end = i;
                    while (!lines.get(end).contains("*/")) {
                        end++;
                    }
                    int declaration = end + 1;
                    while (declaration < lines.size() && lines.get(declaration).strip().startsWith("@")) {
                        declaration++;
                    }
                    String line = declaration < lines.size() ? lines.get(declaration) : "";
                    boolean api = PUBLIC.matcher(line).matches()
                            || isInterface && line.startsWith("    ") && !line.strip().startsWith("private");
                    if (api) {
                        documented++;
                        if (!String.join("\n", lines.subList(i, end + 1)).contains("@since")) {
                            missing.add(file.getFileName() + ":" + (declaration + 1) + " " + line.strip());
                        }
                    }
                    i = end;
                }
            }
        }
        assertTrue(documented > 100, "the API's members were found: " + documented);
        assertEquals(List.of(), missing, "API members without @since");
    }
}

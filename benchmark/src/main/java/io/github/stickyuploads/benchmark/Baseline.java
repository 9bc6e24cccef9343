package io.github.stickyuploads.benchmark;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The baseline: copies the raw request body to a file and does nothing else (no multipart parsing, no
 * hashing, no token). DELETE empties its folder between runs; GET memory tells the heap in use.
 */
@jakarta.ws.rs.Path("")
@RequestScoped
public class Baseline {

    private static final Path FOLDER = Path.of(System.getProperty("java.io.tmpdir"), "sticky-uploads-baseline");

    @POST
    @jakarta.ws.rs.Path("baseline")
    @Produces(MediaType.TEXT_PLAIN)
    public String copy(InputStream body) throws IOException {
        Files.createDirectories(FOLDER);
        Path file = Files.createTempFile(FOLDER, "body", ".bin");
        return String.valueOf(Files.copy(body, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING));
    }

    @DELETE
    @jakarta.ws.rs.Path("baseline")
    public void clear() throws IOException {
        if (Files.isDirectory(FOLDER)) {
            try (Stream<Path> files = Files.list(FOLDER)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    @GET
    @jakarta.ws.rs.Path("memory")
    @Produces(MediaType.TEXT_PLAIN)
    public String heapInUse() {
        return String.valueOf(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
}

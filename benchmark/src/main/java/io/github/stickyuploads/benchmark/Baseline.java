package io.github.stickyuploads.benchmark;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * The baseline: copies the raw request body to a file in the user's folder and does nothing else (no multipart
 * parsing, no hashing, no token). Beside it, the same copy with a SHA-256 of the bytes on the way, the one piece of work
 * per byte that the contract requires of the library and the baseline leaves out. DELETE removes their folder
 * between runs; GET memory tells the heap in use.
 */
@jakarta.ws.rs.Path("")
@RequestScoped
public class Baseline {

    /** Where the baselines write: the runner names a fresh folder for every run (system property bench.files). */
    private static final Path FOLDER = Path.of(System.getProperty("bench.files",
            Path.of(System.getProperty("java.io.tmpdir"), "sticky-uploads-baseline").toString()));

    @POST
    @jakarta.ws.rs.Path("baseline")
    @Produces(MediaType.TEXT_PLAIN)
    public String copy(@Context SecurityContext security, InputStream body) throws IOException {
        return String.valueOf(Files.copy(body, newFileOf(security.getUserPrincipal()), java.nio.file.StandardCopyOption.REPLACE_EXISTING));
    }

    /**
     * A new file in the user's folder, as the library's temp storage keeps them: files of one folder are created
     * one at a time. Every endpoint of the benchmark but the library's writes here.
     */
    static Path newFileOf(java.security.Principal user) throws IOException {
        Path folder = FOLDER.resolve(user == null ? "anonymous" : user.getName());
        Files.createDirectories(folder);
        return Files.createTempFile(folder, "body", ".bin");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @POST
    @jakarta.ws.rs.Path("baseline-sha256")
    @Produces(MediaType.TEXT_PLAIN)
    public String copyAndHash(@Context SecurityContext security, InputStream body) throws IOException {
        MessageDigest sha256 = sha256();
        copy(security, new DigestInputStream(body, sha256));
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** Removes the folder itself, not only its files, so that each run starts with small directories. */
    @DELETE
    @jakarta.ws.rs.Path("baseline")
    public void clear() throws IOException {
        if (Files.isDirectory(FOLDER)) {
            try (Stream<Path> tree = Files.walk(FOLDER)) {
                for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
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

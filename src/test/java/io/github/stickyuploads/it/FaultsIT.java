package io.github.stickyuploads.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.stickyuploads.it.faults.BreakableUploads;
import io.github.stickyuploads.it.faults.BrokenStorage;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Storage faults: a full disk (a real 256 KB tmpfs, mounted by the test as root) answers 507, an unusable
 * storage 503; nothing partial remains, and uploads work again as soon as the fault is gone.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FaultsIT {

    private static final StorageFolder FULL = StorageFolder.fresh("faults-full");
    private static final Path BREAKABLE = StorageFolder.fresh("faults-breakable").root();

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        Files.createDirectories(FULL.root());
        run("mount", "-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs", FULL.root().toString());
        return Deployments.war("faults", Map.of("stickyuploads.temp.path", FULL.root().toString(),
                "stickyuploads.max-size", "1M", "test.breakable-storage", BREAKABLE.toString()),
                BrokenStorage.class, BreakableUploads.class);
    }

    @AfterAll
    static void unmount() throws Exception {
        run("umount", FULL.root().toString());
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (the test needs root): " + output);
        }
    }

    @Test
    void aFullDiskAnswers507KeepsNothingAndRecovers() {
        UploadClient.Answer tooBig = UploadClient.to(deployment).as("alice").file("upload", "cv.pdf", Samples.pdf(400_000))
                .post("sticky-uploads/default");

        assertEquals(507, tooBig.status(), tooBig::toString);
        assertEquals("There is no room left to store uploads. Try again later.", tooBig.error("__all__"));
        assertEquals(0, FULL.count(), "no partial upload on the full disk");

        UploadClient.Answer fits = UploadClient.to(deployment).as("alice").file("upload", "cv.pdf", Samples.pdf(100_000))
                .post("sticky-uploads/default");
        assertEquals(200, fits.status(), () -> "room again once the partial file is gone: " + fits);
    }

    @Test
    void anUnusableStorageAnswers503AndRecovers() throws IOException {
        Files.createDirectories(BREAKABLE.getParent());
        Files.deleteIfExists(BREAKABLE);
        Files.writeString(BREAKABLE, "not a folder"); // like a mount that went away
        try {
            UploadClient.Answer broken = UploadClient.to(deployment).as("alice").file("upload", "cv.pdf", Samples.pdf(1_000))
                    .post("sticky-uploads/breakable");
            assertEquals(503, broken.status(), broken::toString);
            assertEquals("The upload storage is unavailable. Try again later.", broken.error("__all__"));
        } finally {
            Files.delete(BREAKABLE);
        }
        UploadClient.Answer fixed = UploadClient.to(deployment).as("alice").file("upload", "cv.pdf", Samples.pdf(1_000))
                .post("sticky-uploads/breakable");
        assertEquals(200, fixed.status(), () -> "works again once the fault is gone: " + fixed);
    }
}

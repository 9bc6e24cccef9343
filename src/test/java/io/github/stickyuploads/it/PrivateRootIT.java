package io.github.stickyuploads.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stickyuploads.it.ownapp.ApiApplication;
import io.github.stickyuploads.it.ownapp.ClaimProbe;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With the default configuration, each application keeps its uploads and its generated secret in a private
 * folder of its own below {@code ${java.io.tmpdir}/sticky-uploads}: two applications on one server share neither,
 * so neither accepts the other's tokens.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PrivateRootIT {

    private static final Path SHARED = Path.of(System.getProperty("java.io.tmpdir"), "sticky-uploads");

    @ArquillianResource
    @OperateOnDeployment("shop")
    URL shop;

    @ArquillianResource
    @OperateOnDeployment("blog")
    URL blog;

    @Deployment(name = "shop", testable = false)
    static WebArchive shop() {
        removeRootOf("private-root-shop");
        return Deployments.warWithTheDefaultTempRoot("private-root-shop", Map.of(), ApiApplication.class, ClaimProbe.class);
    }

    @Deployment(name = "blog", testable = false)
    static WebArchive blog() {
        removeRootOf("private-root-blog");
        return Deployments.warWithTheDefaultTempRoot("private-root-blog", Map.of(), ApiApplication.class, ClaimProbe.class);
    }

    @AfterAll
    static void removeRoots() {
        removeRootOf("private-root-shop");
        removeRootOf("private-root-blog");
    }

    @Test
    void eachApplicationHasAPrivateRootAndASecretOfItsOwn() throws IOException {
        String token = UploadClient.to(shop).as("alice").file("upload", "cv.pdf", Samples.pdf(2_000))
                .post("sticky-uploads/default").json().getString("stored");
        UploadClient.to(blog).as("alice").file("upload", "cv.pdf", Samples.pdf(2_000)).post("sticky-uploads/default");

        Path shopRoot = SHARED.resolve("private-root-shop");
        Path blogRoot = SHARED.resolve("private-root-blog");
        for (Path root : new Path[] {SHARED, shopRoot, blogRoot}) {
            assertTrue(Files.isDirectory(root) && !Files.isSymbolicLink(root), root + " is a real folder");
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root)), root.toString());
        }
        for (Path root : new Path[] {shopRoot, blogRoot}) {
            Path secret = root.resolve("secret.key");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)), secret.toString());
            assertEquals(1, StorageFolder.of(root).count(), "the application's upload is in its own root: " + root);
        }
        assertNotEquals(Files.readString(shopRoot.resolve("secret.key")), Files.readString(blogRoot.resolve("secret.key")),
                "a secret each");
        assertFalse(UploadClient.to(blog).as("alice").claim(token, blog.getPath() + "sticky-uploads/default").json()
                .getBoolean("found"), "the blog does not accept the shop's token");
        assertTrue(UploadClient.to(shop).as("alice").claim(token, shop.getPath() + "sticky-uploads/default").json()
                .getBoolean("found"));
    }

    private static void removeRootOf(String application) {
        Path root = SHARED.resolve(application);
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}

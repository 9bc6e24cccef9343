package io.github.stickyuploads.s3.it;

import io.github.stickyuploads.s3.it.app.ApiApplication;
import io.github.stickyuploads.testing.BasicLogin;
import io.github.stickyuploads.s3.it.app.ClaimProbe;
import io.github.stickyuploads.testing.Received;
import io.github.stickyuploads.testing.TestUsers;
import io.github.stickyuploads.s3.testing.S3ProxyServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Test WARs with the s3 storage exactly as an application gets it: the built {@code sticky-uploads-s3} jar and what
 * that one dependency brings (the library, the AWS SDK and their runtime dependencies, copied by Maven into
 * target/runtime-jars) in WEB-INF/lib; HTTP Basic with the test users; a JAX-RS application with the claim probe.
 */
final class Deployments {

    /** The secret every test deployment shares: the s3 storage is shared between servers, so it needs one. */
    static final String SECRET = "czMtdGVzdHMtc2hhcmUtdGhpcy0zMi1ieXRlLWtleSE=";

    private Deployments() {
    }

    /** @return the settings of an s3 storage on that bucket of the S3Proxy, with the test's own temp root */
    static Map<String, String> s3(S3ProxyServer server, String bucket, String name) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("stickyuploads.storage", "s3");
        config.put("stickyuploads.secret", SECRET);
        config.put("stickyuploads.s3.bucket", bucket);
        config.put("stickyuploads.s3.endpoint", server.endpoint().toString());
        config.put("stickyuploads.s3.region", "us-east-1");
        config.put("stickyuploads.s3.path-style", "true");
        config.put("stickyuploads.temp.path", freshFolder(name + "-temp-root").toString());
        return config;
    }

    /**
     * @param name the WAR's name, which is also its context root
     * @param config the application's MicroProfile Config
     * @param classes the test application's own classes, beyond users, login and the claim probe
     * @return the WAR
     */
    static WebArchive war(String name, Map<String, String> config, Class<?>... classes) {
        String properties = config.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(TestUsers.class, BasicLogin.class, Received.class, ApiApplication.class, ClaimProbe.class)
                .addClasses(classes)
                .addAsResource(new StringAsset(properties), "META-INF/microprofile-config.properties")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        libraries().forEach(jar -> war.addAsLibrary(jar.toFile()));
        return war;
    }

    /** @return the s3 jar as built and the runtime jars it brings */
    static List<Path> libraries() {
        Path s3 = Path.of(System.getProperty("stickyuploads.s3.jar", "target/none.jar"));
        Path runtime = Path.of(System.getProperty("runtime.jars", "target/none"));
        if (!Files.isRegularFile(s3) || !Files.isDirectory(runtime)) {
            throw new IllegalStateException("Run the container tests through Maven (mvn verify): the built jar " + s3
                    + " and the runtime jars in " + runtime + " are needed");
        }
        try (Stream<Path> jars = Files.list(runtime)) {
            return Stream.concat(Stream.of(s3), jars.filter(jar -> jar.toString().endsWith(".jar")).sorted()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return an empty folder below target/it-folders */
    static Path freshFolder(String name) {
        Path folder = Path.of("target", "it-folders", name).toAbsolutePath();
        try {
            if (Files.exists(folder)) {
                try (Stream<Path> files = Files.walk(folder)) {
                    files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
            }
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.github.stickyuploads.it;

import io.github.stickyuploads.testing.BasicLogin;
import io.github.stickyuploads.it.app.FormLogin;
import io.github.stickyuploads.testing.Received;
import io.github.stickyuploads.testing.TestUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Test WARs that hold the library exactly as users get it: the built jar in WEB-INF/lib. Each keeps its temporary
 * files in a root of its own below target/, never in the host's shared one, unless it says otherwise.
 */
final class Deployments {

    private Deployments() {
    }

    /**
     * @param name the WAR's name, which is also its context root
     * @param config the application's MicroProfile Config
     * @param classes the test application's own classes, beyond the test users
     * @return the WAR
     */
    static WebArchive war(String name, Map<String, String> config, Class<?>... classes) {
        return base(name, config).addClass(BasicLogin.class).addClasses(classes);
    }

    /**
     * A Faces application with a login form; its pages below /app need a logged-in user.
     *
     * @param name the WAR's name, which is also its context root
     * @param config the application's MicroProfile Config
     * @param pages the pages, as resource names below {@code faces/} of the test resources
     * @param classes the test application's own classes
     * @return the WAR
     */
    static WebArchive facesWar(String name, Map<String, String> config, List<String> pages, Class<?>... classes) {
        WebArchive war = base(name, config).addClass(FormLogin.class).addClasses(classes)
                .addAsWebResource("faces/login.html", "login.html")
                .addAsWebInfResource("faces/web.xml", "web.xml")
                .addAsWebInfResource("faces/faces-config.xml", "faces-config.xml");
        pages.forEach(page -> war.addAsWebResource("faces/" + page, "app/" + page));
        return war;
    }

    /**
     * A WAR that keeps its temporary files where the library puts them by default, in the host's
     * {@code ${java.io.tmpdir}/sticky-uploads}; every other test WAR gets a root of its own.
     *
     * @param name the WAR's name, which is also its context root and application name
     * @param config the application's MicroProfile Config, without {@code stickyuploads.temp.path}
     * @param classes the test application's own classes, beyond the test users
     * @return the WAR
     */
    static WebArchive warWithTheDefaultTempRoot(String name, Map<String, String> config, Class<?>... classes) {
        return archive(name, config).addClass(BasicLogin.class).addClasses(classes);
    }

    /**
     * @param name the name of a deployment that the test deploys itself, where Arquillian cannot say its URL
     * @return its URL on the server of the suite (whose port the profile gives as {@code http.port.it})
     */
    static URL unmanagedUrl(String name) {
        try {
            return new URL("http://localhost:" + System.getProperty("http.port.it", "18180") + "/" + name + "/");
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    private static WebArchive base(String name, Map<String, String> config) {
        if (config.containsKey("stickyuploads.temp.path")) {
            return archive(name, config);
        }
        Map<String, String> withRoot = new java.util.HashMap<>(config);
        withRoot.put("stickyuploads.temp.path", StorageFolder.fresh(name + "-temp-root").root().toString());
        return archive(name, withRoot);
    }

    private static WebArchive archive(String name, Map<String, String> config) {
        String properties = config.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(TestUsers.class, Received.class)
                .addAsResource(new StringAsset(properties), "META-INF/microprofile-config.properties")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        libraries().forEach(jar -> war.addAsLibrary(jar.toFile()));
        return war;
    }

    /**
     * The built jar and its runtime dependencies (copied by Maven into target/runtime-jars), as an application's
     * build puts them into WEB-INF/lib: a managed server has nothing else, while the embedded one would also
     * find them on this JVM's class path.
     */
    private static List<Path> libraries() {
        Path jar = Path.of(System.getProperty("stickyuploads.jar", "target/none.jar"));
        Path runtime = Path.of(System.getProperty("runtime.jars", "target/none"));
        if (!Files.isRegularFile(jar) || !Files.isDirectory(runtime)) {
            throw new IllegalStateException("Run the container tests through Maven (mvn verify): the built jar " + jar
                    + " and the runtime jars in " + runtime + " are needed");
        }
        try (Stream<Path> jars = Files.list(runtime)) {
            return Stream.concat(Stream.of(jar), jars.filter(file -> file.toString().endsWith(".jar")).sorted()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

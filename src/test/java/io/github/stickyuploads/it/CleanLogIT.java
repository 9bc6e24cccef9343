package io.github.stickyuploads.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stickyuploads.it.faces.ApplicationForm;
import io.github.stickyuploads.testing.ServerLog;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Everyday use logs no warning and no error of the library, on whichever server the suite runs: from the start of a
 * deployment to its end, with a background upload, the form post that claims it and a form post without
 * JavaScript. A record counts as the library's when it names the library's package: its logger, or a class of it
 * that the server complains about (such as GlassFish's "No valid EE environment for injection of ...").
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CleanLogIT {

    private static final String NAME = "clean-log";
    private static final String LIBRARY = "io.github.stickyuploads";
    /** The library's line when an application started. */
    private static final String READY = "sticky-uploads ready for " + NAME;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = NAME, managed = false, testable = false)
    static WebArchive deployment() {
        return Deployments.facesWar(NAME, Map.of(), List.of("form.xhtml"), ApplicationForm.class);
    }

    @Test
    void aCleanRunLogsNoWarningAndNoErrorOfTheLibrary() {
        URL deployment = Deployments.unmanagedUrl(NAME);
        byte[] resume = Samples.pdf(20_000);
        byte[] cover = Samples.pdf(30_000);
        try (ServerLog log = ServerLog.watch()) {
            deployer.deploy(NAME);
            try {
                FacesClient alice = FacesClient.loggedIn(deployment, "alice");
                UploadClient.Answer upload = alice.upload("sticky-uploads/default", "cv.pdf", resume);
                assertEquals(200, upload.status(), upload::toString);
                Document page = alice.form(alice.get("app/form.xhtml"), "apply").set("apply:name", "Ann")
                        .set("apply:resume:token", upload.json().getString("stored"))
                        .attach("apply:cover:file", "letter.pdf", cover).press("apply:send");
                assertEquals("Received cv.pdf (20000 bytes, SHA-256 " + Samples.sha256(resume) + ")\n"
                                + "Received letter.pdf (30000 bytes, SHA-256 " + Samples.sha256(cover) + ")",
                        String.join("\n", page.select("p.received").eachText()), "a clean run that did its work");
            } finally {
                deployer.undeploy(NAME);
            }
            List<ServerLog.Entry> logged = log.awaitEntry(entry -> entry.text().contains(READY));
            assertTrue(logged.stream().anyMatch(entry -> entry.text().contains(READY)),
                    () -> "the window holds the deployment's start: " + logged);
            assertEquals(List.of(), logged.stream().filter(entry -> entry.isWarningOrWorse() && entry.text().contains(LIBRARY))
                    .toList(), "warnings or errors of the library");
        }
    }
}

package io.github.stickyuploads.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stickyuploads.it.faces.ApplicationForm;
import io.github.stickyuploads.it.ownapp.ApiApplication;
import io.github.stickyuploads.it.validation.KeptFiles;
import io.github.stickyuploads.it.validation.ValidatedForm;
import io.github.stickyuploads.it.validation.ValidationProbe;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Bean Validation constraints {@code @FileType} and {@code @MaxFileSize}, where Bean Validation runs: on a
 * Faces backing bean (the message at the input, the file still there), on a CDI bean's method, on a JAX-RS
 * parameter; with the library's messages in English and German, and the application's own where it has them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ValidationIT {

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.facesWar("validation", Map.of(), List.of("validated.xhtml"), ValidatedForm.class,
                        KeptFiles.class, ValidationProbe.class, ValidationProbe.Tokens.class, ApiApplication.class, ApplicationForm.class)
                .addAsResource("validation/ValidationMessages.properties", "ValidationMessages.properties");
    }

    private static String message(Document page, String id) {
        return page.getElementById(id).text();
    }

    @Test
    void aFacesBeanRefusesAFileItsConstraintsRuleOutAndTheFileStaysSticky() {
        FacesClient alice = FacesClient.loggedIn(deployment, "alice");
        String text = alice.upload("sticky-uploads/default", "notes.txt", Samples.text(600)).json().getString("stored");
        String bigPdf = alice.upload("sticky-uploads/default", "letter.pdf", Samples.pdf(2_000)).json().getString("stored");

        Document page = alice.form(alice.get("app/validated.xhtml"), "apply")
                .set("apply:resume:token", text).set("apply:cover:token", bigPdf).press("apply:send");

        assertTrue(message(page, "apply:resumeMessage").contains("This file's type is not accepted here; accepted are [application/pdf]."),
                message(page, "apply:resumeMessage"));
        assertTrue(message(page, "apply:coverMessage").contains("Too big for a cover letter (at most 1K)."),
                () -> "the application's ValidationMessages wins: " + message(page, "apply:coverMessage"));
        assertEquals("Currently: notes.txt (600 bytes)", page.getElementById("apply:resume").selectFirst(".sticky-upload-filename").text(),
                "the refused file stays, so the user sees what was refused and can replace it");
        assertEquals("", String.join("", page.select("p.received").eachText()));
    }

    @Test
    void theMessagesComeInGermanToo() {
        FacesClient anna = FacesClient.loggedIn(deployment, "alice", "de");
        String text = anna.upload("sticky-uploads/default", "notes.txt", Samples.text(600)).json().getString("stored");

        Document page = anna.form(anna.get("app/validated.xhtml"), "apply").set("apply:resume:token", text).press("apply:send");

        assertTrue(message(page, "apply:resumeMessage").contains("Dateien dieses Typs werden hier nicht angenommen"),
                message(page, "apply:resumeMessage"));
    }

    @Test
    void aListOfFilesIsCheckedFileByFile() {
        FacesClient alice = FacesClient.loggedIn(deployment, "alice");
        String pdf = alice.upload("sticky-uploads/default", "a.pdf", Samples.pdf(500)).json().getString("stored");
        String png = alice.upload("sticky-uploads/default", "b.png", Samples.png()).json().getString("stored");

        Document refused = alice.form(alice.get("app/validated.xhtml"), "apply")
                .set("apply:attachments:token", pdf).add("apply:attachments:token", png).press("apply:send");
        assertTrue(message(refused, "apply:attachmentsMessage").contains("not accepted here"), message(refused, "apply:attachmentsMessage"));

        Document accepted = alice.form(alice.get("app/validated.xhtml"), "apply").set("apply:attachments:token", pdf).press("apply:send");
        assertTrue(String.join("\n", accepted.select("p.received").eachText()).startsWith("Received a.pdf"), accepted.text());
    }

    @Test
    void aCdiBeansMethodAndAJaxRsParameterSayWhatTheyTake() {
        FacesClient alice = FacesClient.loggedIn(deployment, "alice");
        String png = alice.upload("sticky-uploads/default", "picture.png", Samples.png()).json().getString("stored");
        String bigPdf = alice.upload("sticky-uploads/default", "big.pdf", Samples.pdf(5_000)).json().getString("stored");
        String pdf = alice.upload("sticky-uploads/default", "cv.pdf", Samples.pdf(1_000)).json().getString("stored");
        String text = alice.upload("sticky-uploads/default", "notes.txt", Samples.text(100)).json().getString("stored");

        assertEquals("This file's type is not accepted here; accepted are [application/pdf].",
                alice.postForm("api/validation/bean", Map.of("token", png)).body());
        assertEquals("Too big for a cover letter (at most 4K).", alice.postForm("api/validation/bean", Map.of("token", bigPdf)).body(),
                "the application's ValidationMessages wins wherever the constraint is");
        assertEquals("kept cv.pdf", alice.postForm("api/validation/bean", Map.of("token", pdf)).body());
        UploadClient.Answer refused = alice.postForm("api/validation/parameter", Map.of("token", pdf));
        assertEquals(400, refused.status(), refused::toString);
        UploadClient.Answer accepted = alice.postForm("api/validation/parameter", Map.of("token", text));
        assertEquals("accepted notes.txt", accepted.body(), accepted::toString);
    }
}

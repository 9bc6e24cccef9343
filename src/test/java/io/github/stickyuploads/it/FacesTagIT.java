package io.github.stickyuploads.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stickyuploads.it.faces.ApplicationForm;
import io.github.stickyuploads.it.faces.NoCarolPolicy;
import io.github.stickyuploads.it.faces.PdfOnlyValidator;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code <sticky:upload>} tag's server side, black-box over HTTP: its markup, the order in which a
 * submit decides the value, and the path without JavaScript.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FacesTagIT {

    static final StorageFolder STORAGE = StorageFolder.fresh("faces");

    @ArquillianResource
    URL deployment;

    private FacesClient alice;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.facesWar("faces", Map.of("stickyuploads.temp.path", STORAGE.root().toString(),
                        "stickyuploads.max-size", "200K"),
                List.of("form.xhtml", "form-taglib.xhtml", "ajax.xhtml", "validator.xhtml"), ApplicationForm.class, PdfOnlyValidator.class,
                NoCarolPolicy.class);
    }

    @BeforeEach
    void logIn() {
        alice = FacesClient.loggedIn(deployment, "alice");
    }

    private String uploadUrl() {
        return deployment.getPath() + "sticky-uploads/default";
    }

    private String token(String filename, byte[] content) {
        UploadClient.Answer answer = alice.upload("sticky-uploads/default", filename, content);
        assertEquals(200, answer.status(), answer::toString);
        return answer.json().getString("stored");
    }

    private static String received(Document page) {
        return String.join("\n", page.select("p.received").eachText());
    }

    @Test
    void rendersANativeInputAHiddenTokenAProgressBarAndALiveStatus() {
        Document page = alice.get("app/form.xhtml");

        Element widget = page.getElementById("apply:resume");
        assertNotNull(widget, page::html);
        assertTrue(widget.hasAttr("data-sticky-upload"));
        Element file = widget.selectFirst("input[type=file]");
        assertEquals("apply:resume:file", file.attr("name"));
        assertEquals(uploadUrl(), file.attr("data-upload-url"));
        assertTrue(file.hasAttr("required"), "required without a sticky file");
        assertEquals("Résumé", file.attr("aria-label"));
        Element token = widget.selectFirst("input[type=hidden][data-sticky-token]");
        assertEquals("apply:resume:token", token.attr("name"));
        assertEquals("", token.val());
        assertNotNull(widget.selectFirst("progress"));
        Element status = widget.selectFirst("[role=status]");
        assertEquals("polite", status.attr("aria-live"));
        assertEquals(status.id(), file.attr("aria-describedby"));
        assertFalse(page.getElementById("apply:cover").selectFirst("input[type=file]").hasAttr("required"), "optional");
        assertEquals(1, page.head().select("script[src*=sticky-uploads.js]").size(), "the script once for two tags");
    }

    @Test
    void theTagLibrarysShortNamespaceGivesTheSameTag() {
        byte[] pdf = Samples.pdf(3_000);
        String token = token("cv.pdf", pdf);
        Document page = alice.get("app/form-taglib.xhtml");
        assertNotNull(page.getElementById("apply:resume").selectFirst("input[type=file][data-upload-url]"), page::html);

        Document done = alice.form(page, "apply").set("apply:name", "Ann").set("apply:resume:token", token).press("apply:send");
        assertEquals("Received cv.pdf (3000 bytes, SHA-256 " + Samples.sha256(pdf) + ")", received(done));
    }

    @Test
    void servesTheScriptFromTheJarAndNotTheCompositesSource() {
        Document page = alice.get("app/form.xhtml");
        String script = page.head().selectFirst("script[src*=sticky-uploads.js]").attr("src");

        HttpResponse<String> js = alice.raw(script.substring(deployment.getPath().length()));
        assertEquals(200, js.statusCode());
        assertTrue(js.body().contains("data-sticky-upload"), "the library's script");

        for (String path : new String[] {"sticky/upload.xhtml", "app/../sticky/upload.xhtml",
                "jakarta.faces.resource/upload.xhtml?ln=sticky", "jakarta.faces.resource/upload.xhtml.xhtml?ln=sticky"}) {
            HttpResponse<String> source = alice.raw(path);
            assertFalse(source.body().contains("cc:interface") || source.body().contains("componentType"),
                    path + " exposes the composite's source: " + source.statusCode());
        }
    }

    @Test
    void aRequiredInputWithoutAFileGivesTheRequiredMessageWithItsLabel() {
        Document page = alice.form(alice.get("app/form.xhtml"), "apply").set("apply:name", "Ann").press("apply:send");

        assertTrue(page.getElementById("apply:resumeMessage").text().contains("Résumé"), page.getElementById("apply:resumeMessage")::text);
        assertEquals("", received(page));
    }

    @Test
    void aTokenAloneMakesTheFormValidAndTheBytesArriveIntact() {
        byte[] pdf = Samples.pdf(30_000);
        String token = token("cv.pdf", pdf);

        Document page = alice.form(alice.get("app/form.xhtml"), "apply")
                .set("apply:name", "Ann").set("apply:resume:token", token).press("apply:send");

        assertEquals("Received cv.pdf (30000 bytes, SHA-256 " + Samples.sha256(pdf) + ")", received(page));
    }

    @Test
    void aFailedSubmitKeepsTheFileAndDropsRequired() {
        String token = token("cv.pdf", Samples.pdf(48_213));

        Document page = alice.form(alice.get("app/form.xhtml"), "apply").set("apply:resume:token", token).press("apply:send");

        assertFalse(page.getElementById("apply:nameMessage").text().isEmpty(), "the form failed on the name");
        Element widget = page.getElementById("apply:resume");
        assertEquals("Currently: cv.pdf (47 KB)", widget.selectFirst(".sticky-upload-filename").text());
        assertEquals(token, widget.selectFirst("input[data-sticky-token]").val(), "the token comes back");
        assertFalse(widget.selectFirst("input[type=file]").hasAttr("required"), "no required with a sticky file");
        assertEquals(token, widget.selectFirst("input[type=checkbox]").val(), "a Remove box");

        Document second = alice.form(page, "apply").set("apply:name", "Ann").press("apply:send");
        assertTrue(received(second).startsWith("Received cv.pdf (48213 bytes"), received(second));
    }

    @Test
    void aUserThePolicyRefusesSeesAMessageInsteadOfTheWidget() {
        FacesClient carol = FacesClient.loggedIn(deployment, "carol");
        Element widget = carol.get("app/form.xhtml").getElementById("apply:resume");

        assertEquals("You are not allowed to upload files.", widget.selectFirst(".sticky-upload-refused").text());
        assertNull(widget.selectFirst("input[type=file]"), "no widget that can only fail");
        Document page = carol.form(carol.get("app/form.xhtml"), "apply").set("apply:name", "Carol").press("apply:send");
        assertEquals("", received(page), "and no way around it without JavaScript");
    }

    @Test
    void anInvalidTokenIsNoFile() {
        String others = FacesClient.loggedIn(deployment, "bob").upload("sticky-uploads/default", "cv.pdf", Samples.pdf(900))
                .json().getString("stored");
        for (String token : new String[] {"garbage", others, token("cv.pdf", Samples.pdf(900)) + "x"}) {
            Document page = alice.form(alice.get("app/form.xhtml"), "apply")
                    .set("apply:name", "Ann").set("apply:resume:token", token).press("apply:send");

            assertTrue(page.getElementById("apply:resumeMessage").text().contains("Résumé"), "required: " + token);
            assertNull(page.getElementById("apply:resume").selectFirst(".sticky-upload-current"));
            assertEquals("", page.getElementById("apply:resume").selectFirst("input[data-sticky-token]").val());
        }
    }

    @Test
    void aFileInTheRequestWinsOverAToken() {
        String token = token("old.pdf", Samples.pdf(1_000));
        byte[] fresh = Samples.pdf(2_000);

        Document page = alice.form(alice.get("app/form.xhtml"), "apply").set("apply:name", "Ann")
                .set("apply:resume:token", token).attach("apply:resume:file", "new.pdf", fresh).press("apply:send");

        assertEquals("Received new.pdf (2000 bytes, SHA-256 " + Samples.sha256(fresh) + ")", received(page));
        assertEquals(404, alice.release("sticky-uploads/default", token), "the replaced upload was released");
    }

    @Test
    void removeClearsTheValueAndReleasesTheUpload() {
        String token = token("cv.pdf", Samples.pdf(1_500));
        int before = STORAGE.count();

        Document page = alice.form(alice.get("app/form.xhtml"), "apply")
                .set("apply:resume:token", token).add("apply:resume:remove", token).press("apply:send");

        assertNull(page.getElementById("apply:resume").selectFirst(".sticky-upload-current"), "no file any more");
        assertTrue(page.getElementById("apply:resume").selectFirst("input[type=file]").hasAttr("required"));
        assertEquals(before - 1, STORAGE.count(), "released");
    }

    @Test
    void withoutJavaScriptTheFileIsStoredAndSticksToo() {
        byte[] pdf = Samples.pdf(12_345);
        int before = STORAGE.count();

        Document failed = alice.form(alice.get("app/form.xhtml"), "apply")
                .attach("apply:resume:file", "plain.pdf", pdf).press("apply:send");

        assertFalse(failed.getElementById("apply:nameMessage").text().isEmpty(), "the form failed on the name");
        assertEquals("Currently: plain.pdf (12 KB)", failed.getElementById("apply:resume").selectFirst(".sticky-upload-filename").text());
        assertFalse(failed.getElementById("apply:resume").selectFirst("input[data-sticky-token]").val().isEmpty(), "a token");
        assertEquals(before + 1, STORAGE.count(), "stored like a background upload");

        Document done = alice.form(failed, "apply").set("apply:name", "Ann").press("apply:send");
        assertEquals("Received plain.pdf (12345 bytes, SHA-256 " + Samples.sha256(pdf) + ")", received(done));
    }

    @Test
    void withoutJavaScriptARefusedFileGivesAMessageAndLosesNothing() {
        String token = token("kept.pdf", Samples.pdf(1_000));
        int before = STORAGE.count();

        Document page = alice.form(alice.get("app/form.xhtml"), "apply").set("apply:name", "Ann")
                .set("apply:resume:token", token).attach("apply:resume:file", "big.pdf", Samples.pdf(300_000)).press("apply:send");

        assertEquals("Résumé: The file is larger than the limit of 200 KB.", page.getElementById("apply:resumeMessage").text());
        assertEquals("Currently: kept.pdf (1000 bytes)", page.getElementById("apply:resume").selectFirst(".sticky-upload-filename").text(),
                "the earlier file is kept");
        assertEquals(before, STORAGE.count(), "nothing of the refused file stored");
        assertEquals("", received(page));
    }

    @Test
    void validatorsAttachAsOnAnyInput() {
        Document page = alice.form(alice.get("app/validator.xhtml"), "apply")
                .set("apply:resume:token", token("letter.txt", Samples.text(500))).press("apply:send");
        assertEquals("Only PDF, please", page.getElementById("apply:resumeMessage").text());

        Document pdf = alice.form(alice.get("app/validator.xhtml"), "apply")
                .set("apply:resume:token", token("cv.pdf", Samples.pdf(500))).press("apply:send");
        assertTrue(received(pdf).startsWith("Received cv.pdf"), received(pdf));
    }
}

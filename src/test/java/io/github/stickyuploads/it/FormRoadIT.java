package io.github.stickyuploads.it;

import io.github.stickyuploads.testing.ServerLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stickyuploads.it.endpoint.CvStorage;
import io.github.stickyuploads.it.endpoint.CvUploads;
import io.github.stickyuploads.it.events.EventLog;
import io.github.stickyuploads.it.faces.ApplicationForm;
import io.github.stickyuploads.it.faces.NoCarolPolicy;
import io.github.stickyuploads.it.faces.RaceSignals;
import io.github.stickyuploads.it.faces.RacingForm;
import io.github.stickyuploads.it.ownapp.ApiApplication;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The form post without JavaScript goes through the same pipeline as the background upload: it obeys the
 * endpoint its tag names, leaves no part on disk, does bounded work whatever the form carries, and never
 * answers a vanished or doubly claimed upload with an error page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FormRoadIT {

    private static final StorageFolder TEMP = StorageFolder.fresh("form-road-temp");
    private static final StorageFolder CV = StorageFolder.fresh("form-road-cv");

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.facesWar("form-road", Map.of("stickyuploads.temp.path", TEMP.root().toString(),
                        "test.cv-storage", CV.root().toString(), "stickyuploads.max-size", "200K"),
                List.of("form.xhtml", "second.xhtml", "race.xhtml"), ApplicationForm.class, NoCarolPolicy.class,
                CvUploads.class, CvStorage.class, RacingForm.class, RaceSignals.class, ApiApplication.class, EventLog.class);
    }

    private static String received(Document page) {
        return String.join("\n", page.select("p.received").eachText());
    }

    private static String token(Document page, String input) {
        return page.getElementById(input).selectFirst("input[data-sticky-token]").val();
    }

    @Test
    void aFormPostObeysTheRolesAndTheStorageOfTheEndpointItsTagNames() {
        int temp = TEMP.count();
        int cv = CV.count();

        FacesClient alice = FacesClient.loggedIn(deployment, "alice");
        Document refused = alice.form(alice.get("app/second.xhtml"), "apply").set("apply:name", "Ann")
                .attachForged("apply:cv:file", "cv.pdf", Samples.pdf(5_000)).press("apply:send");
        assertEquals("CV: You are not allowed to upload files.", refused.getElementById("apply:cvMessage").text(),
                "alice is not staff, whom the CV endpoint admits");
        assertEquals("", received(refused));
        assertEquals(cv, CV.count(), "nothing in the endpoint's storage");
        assertEquals(temp, TEMP.count(), "nor in the default one");

        FacesClient bob = FacesClient.loggedIn(deployment, "bob");
        Document failed = bob.form(bob.get("app/second.xhtml"), "apply")
                .attach("apply:cv:file", "cv.pdf", Samples.pdf(5_000)).press("apply:send");
        assertFalse(failed.getElementById("apply:nameMessage").text().isEmpty(), "the form failed on the name");
        assertEquals(cv + 1, CV.count(), "bob's file is in the endpoint's own storage");
        assertEquals(temp, TEMP.count());
        String cvToken = token(failed, "apply:cv");

        try (ServerLog log = ServerLog.watch()) {
            Document other = bob.form(bob.get("app/second.xhtml"), "apply").set("apply:name", "Bob")
                    .set("apply:other:token", cvToken).press("apply:send");
            assertEquals("", received(other), "the default endpoint's tag refuses the CV endpoint's token");
            assertNull(other.getElementById("apply:other").selectFirst(".sticky-upload-current"));
            eventually(() -> log.linesWith("it was minted for another upload path").size() == 1, "the refusal is logged once");
        }
    }

    @Test
    void fiftyFormPostsLeaveNoPartOfThemOnDisk() {
        String marker = "PART-MARKER-" + UUID.randomUUID();
        Instant start = Instant.now();
        FacesClient alice = FacesClient.loggedIn(deployment, "alice");
        FacesClient carol = FacesClient.loggedIn(deployment, "carol");
        for (int i = 0; i < 50; i++) {
            byte[] small = withMarker(Samples.pdf(100_000), marker);
            byte[] large = withMarker(Samples.pdf(300_000), marker);
            FacesClient client = i % 5 == 2 ? carol : alice;
            FacesClient.Submit post = client.form(client.get("app/form.xhtml"), "apply")
                    .set("apply:cover:token", marker + "-not-a-token");
            switch (i % 5) {
                case 0 -> post.set("apply:name", marker).attach("apply:resume:file", "cv.pdf", small);    // accepted
                case 1 -> post.set("apply:name", "Ann").attach("apply:resume:file", "cv.pdf", large);     // too large
                case 2 -> post.set("apply:name", "Carol").attach("apply:resume:file", "cv.pdf", small);   // the policy
                case 3 -> post.set("apply:name", marker).attach("apply:resume:file", "cv.pdf", large).truncated(); // cut
                default -> post.set("apply:name", marker);                                                  // fields only
            }
            post.press("apply:send");
            assertTrue(post.status() < 500 || i % 5 == 3, "post " + i + " answered " + post.status());
        }
        eventually(() -> ContainerFolders.filesContaining(marker, start).isEmpty(),
                () -> "parts left in " + ContainerFolders.roots() + ": " + ContainerFolders.filesContaining(marker, start));
    }

    private static byte[] withMarker(byte[] pdf, String marker) {
        byte[] bytes = marker.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, pdf, 200, bytes.length);
        return pdf;
    }

    @Test
    void twoThousandForgedTokensInOneInputCostOneResolutionAndOneLogLine() {
        for (String user : new String[] {"alice", "carol"}) { // carol may not upload, and can send it all the same
            FacesClient client = FacesClient.loggedIn(deployment, user);
            try (ServerLog log = ServerLog.watch()) {
                FacesClient.Submit post = client.form(client.get("app/form.xhtml"), "apply").set("apply:name", "Ann");
                post.set("apply:resume:token", "forged-0");
                for (int i = 1; i < 2_000; i++) {
                    post.add("apply:resume:token", "forged-" + i);
                }
                long started = System.nanoTime();
                Document page = post.press("apply:send");
                Duration took = Duration.ofNanos(System.nanoTime() - started);

                assertEquals(200, post.status());
                assertTrue(page.getElementById("apply:resumeMessage").text().contains("Résumé"), "no file, so required");
                eventually(() -> !log.linesWith("sticky-upload tokens").isEmpty(), "the refusals are logged");
                List<String> lines = log.linesWith("sticky-upload token");
                assertEquals(1, lines.size(), () -> "one line for the whole post: " + lines);
                assertTrue(lines.get(0).contains("Ignoring 2000 sticky-upload tokens"), lines.get(0));
                assertTrue(lines.get(0).contains("1999 because the input already holds as many files as it can"), lines.get(0));
                assertTrue(lines.get(0).contains("1 because it is malformed"), "one token was read at all: " + lines.get(0));
                assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "took " + took);
            }
        }
    }

    @Test
    void theSameTokenInTwoInputsGivesOneFileAndNoError() {
        FacesClient alice = FacesClient.loggedIn(deployment, "alice");
        byte[] pdf = Samples.pdf(4_000);
        String token = alice.upload("sticky-uploads/default", "cv.pdf", pdf).json().getString("stored");

        FacesClient.Submit post = alice.form(alice.get("app/form.xhtml"), "apply").set("apply:name", "Ann")
                .set("apply:resume:token", token).set("apply:cover:token", token);
        Document page = post.press("apply:send");

        assertEquals(200, post.status());
        assertEquals("Received cv.pdf (4000 bytes, SHA-256 " + Samples.sha256(pdf) + ")", received(page),
                "the first input holds it, the second holds nothing");
    }

    @Test
    void aRemoveThatRacesTheSubmitBringsTheFormBackWithItsMessage() throws Exception {
        FacesClient alice = FacesClient.loggedIn(deployment, "alice");
        String token = alice.upload("sticky-uploads/default", "cv.pdf", Samples.pdf(6_000)).json().getString("stored");
        FacesClient.Submit post = alice.form(alice.get("app/race.xhtml"), "apply").set("apply:resume:token", token);

        CompletableFuture<Document> submitted = CompletableFuture.supplyAsync(() -> post.press("apply:send"));
        eventually(() -> "waiting".equals(UploadClient.to(deployment).get("api/race").body()),
                () -> "the action has the file: " + (submitted.isDone() ? submitted.join().html() : "still waiting"));
        assertEquals(204, alice.release("sticky-uploads/default", token), "the Remove lands while the action runs");
        Document page = submitted.get();

        assertEquals(200, post.status(), page::html);
        assertEquals("Résumé: The upload failed. Please pick the file again.", page.getElementById("apply:resumeMessage").text());
        assertEquals("", received(page));
        assertNull(page.getElementById("apply:resume").selectFirst(".sticky-upload-current"), "no file shown that is gone");
        assertFalse(page.html().contains("Exception") || page.html().contains(TEMP.root().toString()), "no class, no path");
    }

    @Test
    void thirtyDeletesOfOneTokenAtOnceReleaseItOnce() throws Exception {
        FacesClient alice = FacesClient.loggedIn(deployment, "alice");
        String name = "once-" + UUID.randomUUID() + ".pdf";
        String token = alice.upload("sticky-uploads/default", name, Samples.pdf(3_000)).json().getString("stored");

        ExecutorService pool = Executors.newFixedThreadPool(30);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> deletes = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                deletes.add(pool.submit(() -> alice.release("sticky-uploads/default", token)));
            }
            for (Future<Integer> delete : deletes) {
                statuses.add(delete.get());
            }
        } finally {
            pool.shutdown();
        }

        assertEquals(1, statuses.stream().filter(status -> status == 204).count(), statuses::toString);
        assertEquals(29, statuses.stream().filter(status -> status == 404).count(), statuses::toString);
        String events = UploadClient.to(deployment).get("api/events").body();
        assertEquals(1, events.lines().filter(line -> line.startsWith("Released") && line.contains(name)).count(), events);
    }

    private static void eventually(Supplier<Boolean> condition, String what) {
        eventually(condition, () -> what);
    }

    private static void eventually(Supplier<Boolean> condition, Supplier<String> what) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what.get());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

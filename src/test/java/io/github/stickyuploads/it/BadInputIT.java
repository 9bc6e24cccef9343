package io.github.stickyuploads.it;

import io.github.stickyuploads.testing.ServerLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stickyuploads.internal.token.SigningKeys;
import io.github.stickyuploads.internal.token.TokenClaims;
import io.github.stickyuploads.internal.token.TokenCodec;
import io.github.stickyuploads.it.endpoint.CvStorage;
import io.github.stickyuploads.it.endpoint.CvUploads;
import io.github.stickyuploads.it.ownapp.ApiApplication;
import io.github.stickyuploads.it.ownapp.ClaimProbe;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile and broken requests, one case each: the status, the JSON message, that nothing was stored (or,
 * for hostile file names, that only server-chosen names are on disk), and that the next good upload works.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputIT {

    private static final StorageFolder STORAGE = StorageFolder.fresh("bad-input");
    private static final StorageFolder CV = StorageFolder.fresh("bad-input-cv");
    private static final byte[] KEY = "bad-input-it-secret-0123456789abc".getBytes(StandardCharsets.US_ASCII);
    private static final String ENDPOINT = "sticky-uploads/default";
    private static final String APPLICATION = "bad-input-it";
    private static final String LIBRARY_LOGGER = "io.github.stickyuploads";
    /** A fully qualified class name, such as java.nio.file.NoSuchFileException. */
    private static final java.util.regex.Pattern CLASS_NAME = java.util.regex.Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*");
    /** Every token the suite was given, to prove that none turns up in an answer or the log. */
    private static final List<String> TOKENS = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("bad-input", Map.of("stickyuploads.temp.path", STORAGE.root().toString(),
                "stickyuploads.secret", Base64.getEncoder().encodeToString(KEY), "stickyuploads.application", APPLICATION,
                "stickyuploads.max-size", "100K",
                "stickyuploads.allowed-types", "application/pdf", "test.cv-storage", CV.root().toString()),
                CvUploads.class, CvStorage.class, ApiApplication.class, ClaimProbe.class);
    }

    @org.junit.jupiter.api.Test
    void aTokenOfOneMegabyteInAFormGivesNoFile() {
        String huge = "A".repeat(1024 * 1024);
        UploadClient.Answer answer = alice(deployment).claim(huge, deployment.getPath() + ENDPOINT);
        assertEquals(200, answer.status(), answer::toString);
        assertEquals(false, answer.json().getBoolean("found"));
        assertEquals(200, alice(deployment).file("upload", "next.pdf", pdf()).post(ENDPOINT).status(), "the next upload works");
    }

    /**
     * A refusal: how to send it, what must come back, and how many uploads it leaves in the storage on purpose
     * (a token case first uploads the file whose token it then abuses; the refusal must not remove it).
     *
     * @param serverMayRefuseFirst why the server's own HTTP layer may answer it with a bare 400 before the
     *        application sees it, or null when the library's answer must come back
     */
    private record Refusal(String name, Function<URL, UploadClient.Answer> request, int status, String field, String message,
                           int kept, String serverMayRefuseFirst) {

        Refusal(String name, Function<URL, UploadClient.Answer> request, int status, String field, String message, int kept) {
            this(name, request, status, field, message, kept, null);
        }

        Refusal(String name, Function<URL, UploadClient.Answer> request, int status, String field, String message) {
            this(name, request, status, field, message, 0);
        }

        Refusal orRefusedByTheServerFirst(String why) {
            return new Refusal(name, request, status, field, message, kept, why);
        }

        /** A 400 without the headers that the library's gate puts on every answer: the server's own. */
        boolean isTheServersOwnRefusal(UploadClient.Answer answer) {
            return serverMayRefuseFirst != null && answer.status() == 400
                    && !answer.headers().containsKey("x-content-type-options");
        }
    }

    /** A hostile file name that is stored under a safe name. */
    /** @param encoded whether the name travels percent-encoded, as control characters must (RFC 9110) */
    private record HostileName(String name, String sent, boolean encoded, String kept) {
    }

    private static UploadClient alice(URL deployment) {
        return UploadClient.to(deployment).as("alice");
    }

    private static byte[] pdf() {
        return Samples.pdf(1_000);
    }

    @TestFactory
    Stream<DynamicTest> refusals() {
        String malformed = "The request is not a complete multipart/form-data upload.";
        String required = "This field is required.";
        String noSuchUpload = "There is no such upload.";
        String crossSite = "This upload did not come from this site's upload script.";
        String overTheServersLimit = "a declared length over a server's own limit is its bare 400 (WildFly: Undertow's max-post-size)";
        String noHostName = "a Host that names no host is a bare 400 of the server's HTTP parser (RFC 9112 3.2), e.g. Undertow's";
        List<Refusal> cases = List.of(
                // Malformed multipart
                new Refusal("no boundary", d -> raw(d, "multipart/form-data", multipart("b", pdf()), Map.of()), 400, "__all__", malformed),
                new Refusal("not multipart at all", d -> raw(d, "application/json", "{\"upload\":1}".getBytes(), Map.of()), 400, "__all__", malformed),
                new Refusal("no Content-Type", d -> raw(d, null, multipart("b", pdf()), Map.of()), 400, "__all__", malformed),
                new Refusal("truncated body", d -> raw(d, "multipart/form-data; boundary=b", cut(multipart("b", pdf()), 600), Map.of()), 400, "__all__", malformed),
                new Refusal("wrong boundary", d -> raw(d, "multipart/form-data; boundary=other", multipart("b", pdf()), Map.of()), 400, "__all__", malformed),
                new Refusal("empty body", d -> raw(d, "multipart/form-data; boundary=b", new byte[0], Map.of()), 400, "__all__", malformed),
                new Refusal("a raw control character in a part header", d -> alice(d).file("upload", "cv\u0007.pdf", pdf()).post(ENDPOINT), 400, "__all__", malformed),
                new Refusal("101 parts", d -> {
                    UploadClient client = alice(d);
                    for (int i = 0; i < 100; i++) {
                        client.field("f" + i, "v");
                    }
                    return client.file("upload", "cv.pdf", pdf()).post(ENDPOINT);
                }, 400, "__all__", malformed),
                new Refusal("a raw NUL in a part header", d -> alice(d).file("upload", "cv\u0000.pdf", pdf()).post(ENDPOINT), 400, "__all__", malformed),
                new Refusal("a 1 MB part header", d -> raw(d, "multipart/form-data; boundary=b", partWithHeaderOf(1024 * 1024), Map.of()), 413, "upload", "The file is larger than the limit of 100 KB."),
                new Refusal("a 100 KB part header", d -> raw(d, "multipart/form-data; boundary=b", partWithHeaderOf(100 * 1024), Map.of()), 400, "__all__", malformed),
                new Refusal("two upload parts", d -> alice(d).file("upload", "a.pdf", pdf()).file("upload", "b.pdf", pdf()).post(ENDPOINT), 400, "upload", "Send one file per request."),
                new Refusal("upload as a text field", d -> alice(d).field("upload", "cv.pdf").post(ENDPOINT), 400, "upload", required),
                new Refusal("no upload part", d -> alice(d).file("file", "cv.pdf", pdf()).post(ENDPOINT), 400, "upload", required),
                new Refusal("an empty file name", d -> alice(d).file("upload", "", pdf()).post(ENDPOINT), 400, "upload", required),
                new Refusal("an empty file", d -> alice(d).file("upload", "cv.pdf", new byte[0]).post(ENDPOINT), 400, "upload", "The submitted file is empty."),
                new Refusal("over the size limit", d -> alice(d).file("upload", "cv.pdf", Samples.pdf(100 * 1024 + 1)).post(ENDPOINT), 413, "upload", "The file is larger than the limit of 100 KB."),
                new Refusal("a declared length far over the limit", d -> alice(d).file("upload", "cv.pdf", Samples.pdf(1_000_000)).post(ENDPOINT), 413, "upload", "The file is larger than the limit of 100 KB."),
                // Type lies
                new Refusal("PNG bytes named cv.pdf", d -> alice(d).file("upload", "cv.pdf", Samples.png()).post(ENDPOINT), 415, "upload", "Files of type image/png are not accepted here."),
                new Refusal("an executable named cv.pdf", d -> alice(d).file("upload", "cv.pdf", exe()).post(ENDPOINT), 415, "upload", "Files of type application/x-msdownload are not accepted here."),
                new Refusal("text declared as application/pdf", d -> raw(d, "multipart/form-data; boundary=b", multipart("b", "just text".getBytes()), Map.of()), 415, "upload", "Files of type text/plain are not accepted here."),
                new Refusal("a ZIP named cv.pdf", d -> alice(d).file("upload", "cv.pdf", Samples.zip()).post(ENDPOINT), 415, "upload", "Files of type application/zip are not accepted here."),
                new Refusal("4 KB of zeros named cv.pdf", d -> alice(d).file("upload", "cv.pdf", new byte[4096]).post(ENDPOINT), 415, "upload", "Files of type application/octet-stream are not accepted here."),
                new Refusal("random bytes named cv.pdf", d -> alice(d).file("upload", "cv.pdf", random(4096)).post(ENDPOINT), 415, "upload", "Files of type application/octet-stream are not accepted here."),
                new Refusal("plain text named notes.ini", d -> alice(d).file("upload", "notes.ini", "[cv]\nname=Ann\n".getBytes()).post(ENDPOINT), 415, "upload", "Files of type text/plain are not accepted here."),
                // Headers a framework could not parse
                new Refusal("an unterminated quote in the boundary", d -> raw(d, "multipart/form-data; boundary=\"b", multipart("b", pdf()), Map.of()), 400, "__all__", malformed),
                new Refusal("spaces around the boundary's =", d -> raw(d, "multipart/form-data; boundary = b", multipart("b", pdf()), Map.of()), 400, "__all__", malformed),
                new Refusal("a parameter without a name", d -> raw(d, "multipart/form-data; =x;", multipart("b", pdf()), Map.of()), 400, "__all__", malformed),
                new Refusal("an Accept of one quote", d -> raw(d, "multipart/form-data; boundary=b", multipart("b", pdf()), Map.of("Accept", "\"")), 400, "__all__", malformed),
                new Refusal("a Content-Length of 2^31", d -> RawHttp.send(d, RawHttp.post(d, ENDPOINT, "Content-Type: multipart/form-data; boundary=b", "Content-Length: 2147483648"), new byte[0]).asUploadAnswer(), 413, "upload", "The file is larger than the limit of 100 KB.")
                        .orRefusedByTheServerFirst(overTheServersLimit),
                new Refusal("a Content-Length of 2^63 - 1", d -> RawHttp.send(d, RawHttp.post(d, ENDPOINT, "Content-Type: multipart/form-data; boundary=b", "Content-Length: " + Long.MAX_VALUE), new byte[0]).asUploadAnswer(), 413, "upload", "The file is larger than the limit of 100 KB.")
                        .orRefusedByTheServerFirst(overTheServersLimit),
                new Refusal("a malformed Host with an Origin", d -> RawHttp.send(d, RawHttp.post(d, ENDPOINT, "Host: local^host:" + d.getPort(), "Origin: http://localhost:" + d.getPort(), "Content-Type: multipart/form-data; boundary=b", "Content-Length: " + multipart("b", pdf()).length).replaceFirst("Host: [^\r]*\r\n", ""), multipart("b", pdf())).asUploadAnswer(), 403, "__all__", crossSite)
                        .orRefusedByTheServerFirst(noHostName),
                new Refusal("a Host of [::1 with an Origin", d -> RawHttp.send(d, RawHttp.post(d, ENDPOINT, "Host: [::1", "Origin: http://[::1]:" + d.getPort(), "Content-Type: multipart/form-data; boundary=b", "Content-Length: " + multipart("b", pdf()).length).replaceFirst("Host: [^\r]*\r\n", ""), multipart("b", pdf())).asUploadAnswer(), 403, "__all__", crossSite)
                        .orRefusedByTheServerFirst(noHostName),
                new Refusal("a chunked body with a 6 MB text field before its file", d -> RawHttp.send(d, RawHttp.post(d, ENDPOINT, "Content-Type: multipart/form-data; boundary=b", "Transfer-Encoding: chunked"), RawHttp.chunked(fieldThenFile(6 * 1024 * 1024), 64 * 1024)).asUploadAnswer(), 413, "upload", "The file is larger than the limit of 100 KB."),
                // Who sends it
                new Refusal("nobody logged in", d -> UploadClient.to(d).file("upload", "cv.pdf", pdf()).post(ENDPOINT), 401, "__all__", "Log in to upload files."),
                new Refusal("wrong credentials", d -> UploadClient.to(d).header("Authorization", "Basic " + Base64.getEncoder().encodeToString("alice:wrong".getBytes())).file("upload", "cv.pdf", pdf()).post(ENDPOINT), 401, null, null),
                new Refusal("a made-up session cookie", d -> UploadClient.to(d).header("Cookie", "JSESSIONID=" + UUID.randomUUID()).file("upload", "cv.pdf", pdf()).post(ENDPOINT), 401, "__all__", "Log in to upload files."),
                new Refusal("no X-Requested-With", d -> alice(d).withoutHeader("X-Requested-With").file("upload", "cv.pdf", pdf()).post(ENDPOINT), 403, "__all__", crossSite),
                new Refusal("a blank X-Requested-With", d -> alice(d).header("X-Requested-With", " ").file("upload", "cv.pdf", pdf()).post(ENDPOINT), 403, "__all__", crossSite),
                new Refusal("a foreign Origin", d -> alice(d).header("Origin", "https://evil.example").file("upload", "cv.pdf", pdf()).post(ENDPOINT), 403, "__all__", crossSite),
                new Refusal("the opaque Origin null", d -> alice(d).header("Origin", "null").file("upload", "cv.pdf", pdf()).post(ENDPOINT), 403, "__all__", crossSite),
                new Refusal("a role the endpoint does not admit", d -> alice(d).file("upload", "cv.pdf", pdf()).post("sticky-uploads/cv"), 403, "__all__", "You are not allowed to upload files."),
                // Methods
                new Refusal("GET", d -> alice(d).send("GET", ENDPOINT), 405, "__all__", "The method GET is not allowed here."),
                new Refusal("PUT with a file", d -> alice(d).file("upload", "cv.pdf", pdf()).send("PUT", ENDPOINT), 405, "__all__", "The method PUT is not allowed here."),
                new Refusal("GET with X-HTTP-Method-Override: POST", d -> alice(d).header("X-HTTP-Method-Override", "POST").send("GET", ENDPOINT), 405, "__all__", "The method GET is not allowed here."),
                new Refusal("OPTIONS", d -> alice(d).send("OPTIONS", ENDPOINT), 405, "__all__", "The method OPTIONS is not allowed here."),
                new Refusal("PATCH with a file", d -> alice(d).file("upload", "cv.pdf", pdf()).send("PATCH", ENDPOINT), 405, "__all__", "The method PATCH is not allowed here."),
                // Tokens handed to DELETE
                new Refusal("DELETE without a token", d -> alice(d).send("DELETE", ENDPOINT), 404, "__all__", noSuchUpload),
                new Refusal("DELETE an empty token", d -> alice(d).delete(ENDPOINT, ""), 404, "__all__", noSuchUpload),
                new Refusal("DELETE a truncated token", d -> alice(d).delete(ENDPOINT, goodToken(d).substring(0, 60)), 404, "__all__", noSuchUpload, 1),
                new Refusal("DELETE a padded token", d -> alice(d).delete(ENDPOINT, goodToken(d) + "=="), 404, "__all__", noSuchUpload, 1),
                new Refusal("DELETE a re-encoded token", d -> alice(d).delete(ENDPOINT, reencoded(goodToken(d))), 404, "__all__", noSuchUpload, 1),
                new Refusal("DELETE another user's upload", d -> UploadClient.to(d).as("carol").delete(ENDPOINT, goodToken(d)), 404, "__all__", noSuchUpload, 1),
                new Refusal("DELETE at another endpoint", d -> UploadClient.to(d).as("bob").delete("sticky-uploads/cv", goodToken(d, "bob")), 404, "__all__", noSuchUpload, 1),
                new Refusal("DELETE an expired token", d -> alice(d).delete(ENDPOINT, minted(d, "alice", Instant.now().minusSeconds(60))), 404, "__all__", noSuchUpload, 1),
                new Refusal("DELETE a token of another secret", d -> alice(d).delete(ENDPOINT, foreignToken(d)), 404, "__all__", noSuchUpload, 1),
                new Refusal("DELETE a token of another application sharing the secret", d -> alice(d).delete(ENDPOINT, otherApplicationsToken(d)), 404, "__all__", noSuchUpload, 1),
                new Refusal("DELETE a token replayed after its release", d -> {
                    String token = goodToken(d);
                    assertEquals(204, alice(d).delete(ENDPOINT, token).status());
                    return alice(d).delete(ENDPOINT, token);
                }, 404, "__all__", noSuchUpload),
                new Refusal("DELETE a token of 4 KB", d -> alice(d).delete(ENDPOINT, "A".repeat(4096)), 404, "__all__", noSuchUpload),
                new Refusal("DELETE without X-Requested-With", d -> alice(d).withoutHeader("X-Requested-With").delete(ENDPOINT, goodToken(d)), 403, "__all__", crossSite, 1),
                new Refusal("DELETE by nobody", d -> UploadClient.to(d).delete(ENDPOINT, goodToken(d)), 401, "__all__", "Log in to upload files.", 1));
        return cases.stream().map(refusal -> DynamicTest.dynamicTest(refusal.name(), () -> {
            int before = STORAGE.count() + CV.count();
            UploadClient.Answer answer;
            List<ServerLog.Entry> logged;
            try (ServerLog log = ServerLog.watch()) {
                answer = refusal.request().apply(deployment);
                logged = log.entries();
            }
            if (refusal.isTheServersOwnRefusal(answer)) {
                System.out.println(refusal.name() + ": refused by the server itself, " + refusal.serverMayRefuseFirst());
            } else {
                assertEquals(refusal.status(), answer.status(), () -> refusal.name() + ": " + answer);
            }
            if (refusal.field() != null && !refusal.isTheServersOwnRefusal(answer)) {
                assertTrue(answer.contentType().startsWith("application/json"), () -> refusal.name() + ": " + answer);
                assertEquals(refusal.message(), answer.error(refusal.field()), answer::toString);
                assertEquals("nosniff", answer.headers().get("x-content-type-options"), answer::toString);
                // A server may add directives of its own (Liberty: no-cache="set-cookie" beside a cookie it sets).
                assertTrue(List.of(answer.headers().get("cache-control").split("\\s*,\\s*")).contains("no-store"),
                        answer::toString);
            }
            assertNothingInternal(answer.body() + " " + answer.headers(), "the answer");
            for (ServerLog.Entry entry : logged) {
                if (entry.isFrom(LIBRARY_LOGGER)) {
                    assertNothingInternal(entry.text(), "the library's log");
                } else {
                    assertNoSecret(entry.text(), "the server's log"); // whose own lines name its classes
                }
            }
            assertEquals(before + refusal.kept(), STORAGE.count() + CV.count(), "nothing stored, nothing lost");
            UploadClient.Answer next = alice(deployment).file("upload", "next.pdf", pdf()).post(ENDPOINT);
            assertEquals(200, next.status(), () -> "the next good upload: " + next);
            assertEquals(204, alice(deployment).delete(ENDPOINT, next.json().getString("stored")).status());
        }));
    }

    @TestFactory
    Stream<DynamicTest> hostileFileNames() {
        return Stream.of(
                new HostileName("10,000 characters", "x".repeat(9_996) + ".pdf", false, "x".repeat(251) + ".pdf"),
                new HostileName("a path full of ../", "../".repeat(50) + "etc/passwd.pdf", false, "passwd.pdf"),
                new HostileName("backslashes", "..\\..\\Windows\\boot.pdf", false, "boot.pdf"),
                new HostileName("a NUL", "cv\u0000.exe.pdf", true, "cv.exe.pdf"),
                new HostileName("control characters", "c\u0001v\u001b[31m.pdf", true, "cv[31m.pdf"),
                new HostileName("a right-to-left override", "cv\u202Efdp.exe", false, "cvfdp.exe"),
                new HostileName("a Windows device name", "CON.pdf", false, "_CON.pdf"),
                new HostileName("aux.txt", "aux.txt", false, "_aux.txt"),
                new HostileName("COM0", "COM0.pdf", false, "_COM0.pdf"),
                new HostileName("LPT0", "lpt0.pdf", false, "_lpt0.pdf"),
                new HostileName("COM with a superscript one", "COM\u00b9.pdf", false, "_COM\u00b9.pdf"),
                new HostileName("LPT with a superscript three", "LPT\u00b3.txt", false, "_LPT\u00b3.txt"),
                new HostileName("CONIN$", "CONIN$.pdf", false, "_CONIN$.pdf"),
                new HostileName("CONOUT$", "conout$", false, "_conout$"),
                new HostileName("unnormalised Unicode", "Re\u0301sume\u0301.pdf", false, "R\u00e9sum\u00e9.pdf"),
                new HostileName("only dots", "....", false, "upload"))
                .map(name -> DynamicTest.dynamicTest(name.name(), () -> {
                    UploadClient client = alice(deployment);
                    UploadClient.Answer answer = (name.encoded() ? client.fileWithEncodedName("upload", name.sent(), pdf())
                            : client.file("upload", name.sent(), pdf())).post(ENDPOINT);
                    assertEquals(200, answer.status(), answer::toString);
                    assertEquals(name.kept(), answer.json().getString("filename"));
                    assertTrue(STORAGE.allFiles().stream().allMatch(file ->
                                    file.getFileName().toString().matches("content|metadata\\.properties|secret\\.key")),
                            "only server-chosen names on disk: " + STORAGE.allFiles());
                    assertEquals(204, alice(deployment).delete(ENDPOINT, answer.json().getString("stored")).status());
                }));
    }

    @org.junit.jupiter.api.Test
    void aBoundaryParameterInUpperCaseIsRead() {
        UploadClient.Answer answer = raw(deployment, "multipart/form-data; BOUNDARY=b", multipart("b", pdf()), Map.of());
        assertEquals(200, answer.status(), answer::toString);
        assertEquals(204, alice(deployment).delete(ENDPOINT, answer.json().getString("stored")).status());
    }

    @TestFactory
    Stream<DynamicTest> sloppyLanguagePreferencesFallBackQuietly() {
        return Stream.of("en_US", "en;q=0.5555", "de,,en", "*;q=x", "x-12345678901", ",", "en-", "q=1").map(languages ->
                DynamicTest.dynamicTest(languages, () -> {
                    try (ServerLog log = ServerLog.watch()) {
                        UploadClient.Answer anonymous = UploadClient.to(deployment).header("Accept-Language", languages)
                                .file("upload", "cv.pdf", pdf()).post(ENDPOINT);
                        assertEquals(401, anonymous.status(), anonymous::toString);
                        assertTrue(anonymous.contentType().startsWith("application/json"), anonymous::toString);
                        UploadClient.Answer upload = alice(deployment).header("Accept-Language", languages)
                                .file("upload", "cv.pdf", pdf()).post(ENDPOINT);
                        assertEquals(200, upload.status(), upload::toString);
                        assertEquals(204, alice(deployment).delete(ENDPOINT, upload.json().getString("stored")).status());
                        assertEquals(List.of(), log.entries().stream().filter(entry -> entry.level() == Level.SEVERE)
                                .toList(), "nothing severe");
                    }
                    if (!languages.startsWith("de")) {
                        assertEquals("Log in to upload files.", UploadClient.to(deployment).header("Accept-Language", languages)
                                .file("upload", "cv.pdf", pdf()).post(ENDPOINT).error("__all__"), "the default language");
                    }
                }));
    }

    @org.junit.jupiter.api.Test
    void aClientThatWritesItsWholeBodyBeforeReadingGetsThe413() {
        byte[] body = multipart("b", Samples.pdf(300 * 1024));
        RawHttp.Answer answer = RawHttp.send(deployment, RawHttp.post(deployment, ENDPOINT, "Connection: close",
                "Content-Type: multipart/form-data; boundary=b", "Content-Length: " + body.length), body);

        assertEquals(413, answer.status(), answer::toString);
        assertEquals("The file is larger than the limit of 100 KB.", answer.asUploadAnswer().error("upload"));
    }

    /** No answer and no log line of the library about a bad request names a class, a path of the server, a token or the secret. */
    private static void assertNothingInternal(String text, String where) {
        assertFalse(CLASS_NAME.matcher(text).find(), () -> where + " names a Java class: " + text);
        for (String internal : new String[] {"Exception", "\tat ", STORAGE.root().toString(), CV.root().toString(), "/tmp/"}) {
            assertFalse(text.contains(internal), () -> where + " names '" + internal + "': " + text);
        }
        assertNoSecret(text, where);
    }

    /** Not even the server's own log lines about a bad request hold a token or the secret. */
    private static void assertNoSecret(String text, String where) {
        assertFalse(text.contains(Base64.getEncoder().encodeToString(KEY)), () -> where + " holds the secret: " + text);
        for (String token : TOKENS) {
            assertFalse(text.contains(token.substring(0, 40)), () -> where + " holds a token: " + text);
        }
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new java.util.Random(length).nextBytes(bytes);
        return bytes;
    }

    /** A text field of that many bytes, then a file part of six bytes. */
    private static byte[] fieldThenFile(int fieldBytes) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("--b\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        body.writeBytes("n".repeat(fieldBytes).getBytes(StandardCharsets.US_ASCII));
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(multipart("b", "%PDF-1".getBytes(StandardCharsets.US_ASCII)));
        return body.toByteArray();
    }

    // ---- Requests the client helper would not send --------------------------------------------------------

    private static UploadClient.Answer raw(URL deployment, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(deployment + ENDPOINT))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("alice:alice-pw".getBytes()))
                .header("X-Requested-With", "XMLHttpRequest")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return UploadClient.Answer.of(response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One part "upload" declared as application/pdf, framed with the boundary. */
    private static byte[] multipart(String boundary, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"cv.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    private static byte[] cut(byte[] body, int length) {
        return java.util.Arrays.copyOf(body, length);
    }

    private static byte[] partWithHeaderOf(int bytes) {
        String header = "--b\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"cv.pdf\"\r\nX-Padding: "
                + "p".repeat(bytes) + "\r\n\r\n";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(pdf());
        body.writeBytes("\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    private static byte[] exe() {
        byte[] exe = new byte[512];
        byte[] header = java.util.HexFormat.of().parseHex("4d5a90000300000004000000ffff0000b800000000000000400000000000000000000000"
                + "00000000000000000000000000000000000000000000000000000000800000000e1fba0e00b409cd21b8014ccd21");
        System.arraycopy(header, 0, exe, 0, header.length);
        return exe;
    }

    // ---- Tokens -----------------------------------------------------------------------------------------------

    private static String goodToken(URL deployment) {
        return goodToken(deployment, "alice");
    }

    private static String goodToken(URL deployment, String user) {
        UploadClient.Answer answer = UploadClient.to(deployment).as(user).file("upload", "cv.pdf", pdf()).post(ENDPOINT);
        assertEquals(200, answer.status(), answer::toString);
        TOKENS.add(answer.json().getString("stored"));
        return answer.json().getString("stored");
    }

    /** A token minted with this application's secret for one of its uploads, by an application of another name. */
    private static String otherApplicationsToken(URL deployment) {
        String real = goodToken(deployment);
        TokenClaims claims = new TokenCodec(new SigningKeys(KEY, List.of()), APPLICATION)
                .verify(real, "alice", deployment.getPath() + ENDPOINT, Instant.now()).claims().orElseThrow();
        return new TokenCodec(new SigningKeys(KEY, List.of()), "another-application").mint(claims, "alice",
                deployment.getPath() + ENDPOINT);
    }

    /** A token as a leaked key would sign it: for an upload that exists, with the claims the test chooses. */
    private static String minted(URL deployment, String owner, Instant expires) {
        String real = goodToken(deployment);
        TokenClaims claims = new TokenCodec(new SigningKeys(KEY, List.of()), APPLICATION)
                .verify(real, "alice", deployment.getPath() + ENDPOINT, Instant.now()).claims().orElseThrow();
        TokenClaims changed = new TokenClaims(claims.storage(), claims.objectId(), claims.filename(), claims.size(),
                claims.contentType(), claims.sha256(), expires);
        return new TokenCodec(new SigningKeys(KEY, List.of()), APPLICATION).mint(changed, owner, deployment.getPath() + ENDPOINT);
    }

    private static String foreignToken(URL deployment) {
        String real = goodToken(deployment);
        TokenClaims claims = new TokenCodec(new SigningKeys(KEY, List.of()), APPLICATION)
                .verify(real, "alice", deployment.getPath() + ENDPOINT, Instant.now()).claims().orElseThrow();
        byte[] otherKey = "another-secret-entirely-0123456789".getBytes(StandardCharsets.US_ASCII);
        return new TokenCodec(new SigningKeys(otherKey, List.of()), APPLICATION).mint(claims, "alice", deployment.getPath() + ENDPOINT);
    }

    private static String reencoded(String token) {
        return Base64.getEncoder().encodeToString(Base64.getUrlDecoder().decode(token));
    }
}

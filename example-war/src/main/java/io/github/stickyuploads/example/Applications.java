package io.github.stickyuploads.example;

import io.github.stickyuploads.StickyFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where received applications go: their files are copied out of the temporary upload storage into a
 * folder of their own ({@code example.applications.path}), checked against the digest measured at upload,
 * and the temporary copies are released.
 */
@Named
@ApplicationScoped
public class Applications {

    private final List<ReceivedApplication> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    @Inject
    @ConfigProperty(name = "example.applications.path")
    Optional<String> folder;

    /**
     * Keeps an application and its files for good.
     *
     * @param name the applicant's name
     * @param email the applicant's email address
     * @param files the sticky files of the form (nulls are skipped)
     * @return what was kept
     * @throws IOException if a file cannot be copied, or its copy differs from what was uploaded
     */
    public ReceivedApplication receive(String name, String email, StickyFile... files) throws IOException {
        int id = ids.incrementAndGet();
        Path target = Files.createDirectories(root().resolve(String.valueOf(id)));
        List<ReceivedApplication.ReceivedFile> kept = new ArrayList<>();
        for (StickyFile file : files) {
            if (file != null) {
                kept.add(keep(file, target.resolve(kept.size() + 1 + "-" + file.filename())));
            }
        }
        ReceivedApplication application = new ReceivedApplication(id, name, email, Instant.now(), List.copyOf(kept));
        received.add(application);
        return application;
    }

    /** @return the applications received since the server started, newest first */
    public List<ReceivedApplication> all() {
        List<ReceivedApplication> all = new ArrayList<>(received);
        java.util.Collections.reverse(all);
        return all;
    }

    /**
     * @param id an application's number
     * @return the application, if there is one with that number
     */
    public Optional<ReceivedApplication> find(int id) {
        return received.stream().filter(application -> application.id() == id).findFirst();
    }

    private static ReceivedApplication.ReceivedFile keep(StickyFile file, Path target) throws IOException {
        String sha256;
        try (DigestInputStream in = new DigestInputStream(file.openStream(), MessageDigest.getInstance("SHA-256"));
             OutputStream out = Files.newOutputStream(target)) {
            in.transferTo(out);
            sha256 = HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (!sha256.equals(file.sha256())) {
            Files.deleteIfExists(target);
            throw new IOException("The copy of " + file.filename() + " differs from the uploaded file");
        }
        file.delete(); // the temporary copy is not needed any more
        return new ReceivedApplication.ReceivedFile(file.filename(), Files.size(target), sha256);
    }

    private Path root() {
        return folder.map(Path::of).orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "sticky-uploads-example"));
    }
}

package io.github.stickyuploads.it.faces;

import io.github.stickyuploads.StickyFile;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The test form's bean: on a good submit it reads each file and reports what arrived. */
@Named("applicationForm")
@RequestScoped
public class ApplicationForm {

    private String name;
    private StickyFile resume;
    private StickyFile cover;
    private final List<String> received = new ArrayList<>();

    public String submit() throws IOException {
        for (StickyFile file : new StickyFile[] {resume, cover}) {
            if (file != null) {
                received.add("Received " + file.filename() + " (" + file.size() + " bytes, SHA-256 " + sha256(file) + ")");
            }
        }
        return null;
    }

    private static String sha256(StickyFile file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(file.openStream(), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public StickyFile getResume() {
        return resume;
    }

    public void setResume(StickyFile resume) {
        this.resume = resume;
    }

    public StickyFile getCover() {
        return cover;
    }

    public void setCover(StickyFile cover) {
        this.cover = cover;
    }

    public List<String> getReceived() {
        return received;
    }
}

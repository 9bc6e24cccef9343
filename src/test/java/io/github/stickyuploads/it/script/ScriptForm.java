package io.github.stickyuploads.it.script;

import io.github.stickyuploads.StickyFile;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** The bean of the script tests' pages: reports every file it receives, with the SHA-256 it read. */
@Named
@RequestScoped
public class ScriptForm {

    private String name;
    private StickyFile slow;
    private StickyFile pdf;
    private List<StickyFile> many = new ArrayList<>();
    private List<StickyFile> mixed = new ArrayList<>();
    private final List<String> received = new ArrayList<>();

    public String submit() throws IOException {
        for (StickyFile file : Stream.of(Stream.of(slow, pdf), many.stream(), mixed.stream()).flatMap(s -> s).toList()) {
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

    public StickyFile getSlow() {
        return slow;
    }

    public void setSlow(StickyFile slow) {
        this.slow = slow;
    }

    public StickyFile getPdf() {
        return pdf;
    }

    public void setPdf(StickyFile pdf) {
        this.pdf = pdf;
    }

    public List<StickyFile> getMany() {
        return many;
    }

    public void setMany(List<StickyFile> many) {
        this.many = many == null ? new ArrayList<>() : many;
    }

    public List<StickyFile> getMixed() {
        return mixed;
    }

    public void setMixed(List<StickyFile> mixed) {
        this.mixed = mixed == null ? new ArrayList<>() : mixed;
    }

    public List<String> getReceived() {
        return received;
    }
}

package io.github.stickyuploads.it.faces;

import io.github.stickyuploads.StickyFile;
import io.github.stickyuploads.testing.Received;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The test pages' bean: on a good submit it reports every file it received, with the SHA-256 it read. */
@Named
@RequestScoped
public class ApplicationForm {

    private String name;
    private StickyFile resume;
    private StickyFile cover;
    private StickyFile slow;
    private StickyFile pdf;
    private List<StickyFile> many = new ArrayList<>();
    private List<StickyFile> mixed = new ArrayList<>();
    private final List<String> received = new ArrayList<>();

    public String submit() throws IOException {
        for (StickyFile file : Stream.of(Stream.of(resume, cover, slow, pdf), many.stream(), mixed.stream()).flatMap(s -> s).toList()) {
            if (file != null) {
                received.add(Received.line(file));
            }
        }
        return null;
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

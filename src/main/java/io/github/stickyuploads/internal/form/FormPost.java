package io.github.stickyuploads.internal.form;

import io.github.stickyuploads.config.DataSize;
import io.github.stickyuploads.internal.files.PrivateFiles;
import io.github.stickyuploads.internal.multipart.BoundedStream;
import io.github.stickyuploads.internal.multipart.MultipartParser;
import io.github.stickyuploads.internal.multipart.SizeLimitExceededException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The body of a Faces form post, read by the library with the same streaming parser as the endpoint's, instead
 * of by the container: text fields stay in memory, a file part goes to a private file (mode 0600, in a private
 * folder of the temp root) once it outgrows {@value #IN_MEMORY} bytes, and whatever fails half-way deletes what it
 * wrote. Containers that spool parts themselves leave them behind on a broken body (Payara and GlassFish do); this
 * way no part of any form post outlives its request.
 */
final class FormPost {

    /** A part up to this size stays in memory; tokens, text fields and small files never touch the disk. */
    static final int IN_MEMORY = 64 * 1024;
    /** The largest text field; a Faces view state saved on the client fits. */
    static final int LARGEST_FIELD = 1024 * 1024;
    /** The most parts of a form post, as many as the fields a servlet container takes by default. */
    static final int MAX_PARTS = 10_000;

    private static final Logger LOG = Logger.getLogger("io.github.stickyuploads");

    private final List<FormPart> parts;

    private FormPost(List<FormPart> parts) {
        this.parts = List.copyOf(parts);
    }

    /**
     * Reads a whole body.
     *
     * @param body the request body
     * @param boundary its multipart boundary
     * @param bound the most bytes the whole body may have
     * @param spool the private folder for file parts
     * @return the parts
     * @throws SizeLimitExceededException if the body or a text field is too large; nothing is kept
     * @throws IOException if the body breaks the multipart format or ends early; nothing is kept
     */
    static FormPost read(InputStream body, String boundary, long bound, Path spool) throws IOException {
        List<FormPart> parts = new ArrayList<>();
        MultipartParser parser = new MultipartParser(new BoundedStream(body, bound, new DataSize(bound)), boundary, MAX_PARTS);
        try {
            for (var next = parser.nextPart(); next.isPresent(); next = parser.nextPart()) {
                MultipartParser.Part part = next.get();
                String name = part.fieldName() == null ? "" : part.fieldName();
                if (part.filename() == null) {
                    parts.add(FormPart.inMemory(name, null, part.contentType(), text(part.content())));
                } else {
                    parts.add(file(name, part.filename(), part.contentType(), part.content(), spool));
                }
            }
            return new FormPost(parts);
        } catch (IOException | RuntimeException e) {
            new FormPost(parts).delete();
            throw e;
        }
    }

    private static byte[] text(InputStream content) throws IOException {
        byte[] bytes = content.readNBytes(LARGEST_FIELD + 1);
        if (bytes.length > LARGEST_FIELD) {
            throw new SizeLimitExceededException(new DataSize(LARGEST_FIELD));
        }
        return bytes;
    }

    private static FormPart file(String name, String filename, String contentType, InputStream content, Path spool)
            throws IOException {
        byte[] head = content.readNBytes(IN_MEMORY + 1);
        if (head.length <= IN_MEMORY) {
            return FormPart.inMemory(name, filename, contentType, head);
        }
        Path file = PrivateFiles.createTempFile(PrivateFiles.createFolders(spool), "part-");
        try {
            long size;
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(head);
                size = head.length + content.transferTo(out);
            }
            return FormPart.inFile(name, filename, contentType, file, size);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** @return every part, in the order sent */
    List<FormPart> parts() {
        return parts;
    }

    /** Deletes every private file of the post. */
    void delete() {
        for (FormPart part : parts) {
            try {
                part.delete();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not delete a part of a form post", e);
            }
        }
    }
}

package io.github.stickyuploads.internal.form;

import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;

/**
 * One part of a form post as the library read it: its bytes in memory when they are few, else in a private
 * file of the library's that {@link #delete()} (and the end of the request) removes.
 */
final class FormPart implements Part {

    private final String name;
    private final String filename;
    private final String contentType;
    private final byte[] bytes;
    private final Path file;
    private final long size;

    private FormPart(String name, String filename, String contentType, byte[] bytes, Path file, long size) {
        this.name = name;
        this.filename = filename;
        this.contentType = contentType;
        this.bytes = bytes;
        this.file = file;
        this.size = size;
    }

    static FormPart inMemory(String name, String filename, String contentType, byte[] bytes) {
        return new FormPart(name, filename, contentType, bytes, null, bytes.length);
    }

    static FormPart inFile(String name, String filename, String contentType, Path file, long size) {
        return new FormPart(name, filename, contentType, null, file, size);
    }

    /** @return the bytes of a text field, or null for a file part */
    byte[] textBytes() {
        return filename == null ? bytes : null;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return file != null ? Files.newInputStream(file) : new ByteArrayInputStream(bytes);
    }

    @Override
    public String getContentType() {
        return contentType != null ? contentType : filename != null ? "application/octet-stream" : null;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getSubmittedFileName() {
        return filename;
    }

    @Override
    public long getSize() {
        return size;
    }

    @Override
    public void write(String fileName) throws IOException {
        try (InputStream in = getInputStream()) {
            Files.copy(in, Path.of(fileName), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void delete() throws IOException {
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public String getHeader(String header) {
        if ("content-type".equalsIgnoreCase(header)) {
            return getContentType();
        }
        if ("content-disposition".equalsIgnoreCase(header)) {
            return "form-data; name=\"" + name + "\"" + (filename == null ? "" : "; filename=\"" + filename + "\"");
        }
        return null;
    }

    @Override
    public Collection<String> getHeaders(String header) {
        String value = getHeader(header);
        return value == null ? List.of() : List.of(value);
    }

    @Override
    public Collection<String> getHeaderNames() {
        return getContentType() == null ? List.of("content-disposition") : List.of("content-disposition", "content-type");
    }

    @Override
    public String toString() {
        return "Part[" + name + (filename == null ? "" : ", " + filename) + ", " + size + " bytes]";
    }
}

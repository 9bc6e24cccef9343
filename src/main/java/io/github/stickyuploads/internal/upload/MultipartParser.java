package io.github.stickyuploads.internal.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.RequestContext;

/**
 * Commons FileUpload's streaming parser over a JAX-RS request body: parts are handed out one by one as
 * they arrive, with nothing spooled to memory or disk. Only {@link #getItemIterator} is used; the
 * buffering methods of the base class are deliberately unsupported.
 */
public final class MultipartParser extends AbstractFileUpload<MultipartParser.Body, DiskFileItem, DiskFileItemFactory> {

    /** The largest header block of one part; filenames of thousands of characters still fit. */
    public static final int MAX_PART_HEADER_BYTES = 64 * 1024;

    /** A new parser that reads headers as UTF-8, as browsers send them. */
    public MultipartParser() {
        setHeaderCharset(StandardCharsets.UTF_8);
        setMaxPartHeaderSize(MAX_PART_HEADER_BYTES);
    }

    @Override
    public FileItemInputIterator getItemIterator(Body body) throws FileUploadException, IOException {
        return super.getItemIterator((RequestContext) body);
    }

    @Override
    public Map<String, List<DiskFileItem>> parseParameterMap(Body body) {
        throw new UnsupportedOperationException("Uploads are streamed, never buffered");
    }

    @Override
    public List<DiskFileItem> parseRequest(Body body) {
        throw new UnsupportedOperationException("Uploads are streamed, never buffered");
    }

    /**
     * @param contentType the request's {@code Content-Type}
     * @return whether it is {@code multipart/form-data} with a boundary
     */
    public boolean isFormData(String contentType) {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(MULTIPART_FORM_DATA)
                && getBoundary(contentType) != null;
    }

    /**
     * A request body as the parser sees it.
     *
     * @param contentType the {@code Content-Type} header, with its boundary
     * @param contentLength the declared length, or -1
     * @param stream the body
     */
    public record Body(String contentType, long contentLength, InputStream stream) implements RequestContext {

        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public long getContentLength() {
            return contentLength;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public InputStream getInputStream() {
            return stream;
        }

        @Override
        public boolean isMultipartRelated() {
            return false;
        }
    }
}

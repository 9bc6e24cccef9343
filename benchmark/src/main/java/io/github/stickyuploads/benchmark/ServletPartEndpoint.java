package io.github.stickyuploads.benchmark;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What {@code h:inputFile}, OmniFaces' {@code o:inputFile} and PrimeFaces' native mode do with an upload: the
 * container parses the multipart body (Servlet {@code Part}, spooled to disk past its threshold), and the
 * application copies the part to a file in the user's folder, then deletes the part. At /bench-part.
 *
 * <p>The multipart configuration is the default one ({@code fileSizeThreshold} 0: every part goes to a file), as
 * with a plain {@code <multipart-config/>}. With a threshold of 64 KiB, Payara 6.2025.10 kept every small part's
 * bytes reachable after {@code Part.delete()}, and the benchmark's server ran out of its 256 MiB after about 7,000
 * uploads of 16 KiB; at the default it still keeps about 3 KB per upload (its {@code Multipart} and
 * {@code DeferredFileOutputStream}; measured with {@code jcmd GC.class_histogram} after 2,000 uploads).
 */
@WebServlet("/bench-part")
@MultipartConfig
public class ServletPartEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Part part = request.getPart("upload");
        try (InputStream in = part.getInputStream()) {
            long size = Files.copy(in, Baseline.newFileOf(request.getUserPrincipal()), StandardCopyOption.REPLACE_EXISTING);
            response.setContentType("text/plain");
            response.getWriter().print(size);
        } finally {
            part.delete();
        }
    }
}

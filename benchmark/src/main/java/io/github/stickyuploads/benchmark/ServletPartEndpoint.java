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
 */
@WebServlet("/bench-part")
@MultipartConfig(fileSizeThreshold = 64 * 1024)
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

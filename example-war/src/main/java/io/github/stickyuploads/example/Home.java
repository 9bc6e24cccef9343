package io.github.stickyuploads.example;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The demo's address itself, {@code /}: a redirect to the application form, whose security constraint then asks for
 * a login. A welcome file would do the same on most servers, but Open Liberty serves a welcome file at {@code /}
 * without checking the constraint of the file's own URL.
 */
@WebServlet("")
public class Home extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/apply.xhtml");
    }
}

package io.github.stickyuploads.it.plain;

import io.github.stickyuploads.StickyFile;
import io.github.stickyuploads.StickyFiles;
import io.github.stickyuploads.StickyInput;
import io.github.stickyuploads.testing.Received;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * A form without Faces, as a servlet, a JSP or a template engine renders it: the sticky input's markup follows the
 * script's DOM contract, and the server side is {@link StickyFiles#read}. The same story as the demo: a name and
 * a required résumé; a form without a name comes back with the résumé still there.
 */
@WebServlet("/app/plain")
@MultipartConfig(fileSizeThreshold = 64 * 1024, maxFileSize = 10 * 1024 * 1024, maxRequestSize = 25 * 1024 * 1024)
public class PlainFormServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient StickyFiles stickyFiles;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        render(request, response, "", Optional.empty(), null, null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        StickyInput resume = stickyFiles.read(request, "resume", endpoint(request));
        Optional<StickyFile> file = resume.file();
        String nameProblem = name == null || name.isBlank() ? "Enter your name." : null;
        String fileProblem = resume.problem().orElse(file.isEmpty() ? "Pick your résumé." : null);
        if (nameProblem == null && fileProblem == null) {
            String received = Received.line(file.get());
            file.get().delete();
            response.setContentType("text/html; charset=UTF-8");
            response.getWriter().println("<!DOCTYPE html><html><body><p class=\"received\">" + escape(received) + "</p></body></html>");
            return;
        }
        render(request, response, name == null ? "" : name, file, nameProblem, fileProblem);
    }

    private static String endpoint(HttpServletRequest request) {
        return request.getContextPath() + "/sticky-uploads/default";
    }

    private static void render(HttpServletRequest request, HttpServletResponse response, String name, Optional<StickyFile> file,
                               String nameProblem, String fileProblem) throws IOException {
        String context = request.getContextPath();
        response.setContentType("text/html; charset=UTF-8");
        PrintWriter out = response.getWriter();
        out.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Plain</title>");
        out.println("<link rel=\"stylesheet\" href=\"" + context + "/sticky/sticky-uploads.css\">");
        out.println("<script src=\"" + context + "/sticky/sticky-uploads.js\"></script></head><body>");
        out.println("<form id=\"apply\" method=\"post\" enctype=\"multipart/form-data\" action=\"" + context + "/app/plain\">");
        out.println("<label for=\"name\">Name</label><input id=\"name\" name=\"name\" value=\"" + escape(name) + "\">");
        out.println("<span id=\"nameMessage\">" + (nameProblem == null ? "" : escape(nameProblem)) + "</span>");
        out.println("<div id=\"resume\" class=\"sticky-upload\" data-sticky-upload data-max-size=\"10485760\">");
        out.println("<ul class=\"sticky-upload-files\">");
        if (file.isPresent()) {
            String token = escape(file.get().token());
            out.println("<li class=\"sticky-upload-current\" data-state=\"done\" data-filename=\"" + escape(file.get().filename()) + "\">"
                    + "<span class=\"sticky-upload-filename\">Currently: " + escape(file.get().filename()) + " (" + file.get().size()
                    + " bytes)</span> <label class=\"sticky-upload-remove\"><input type=\"checkbox\" name=\"resume:remove\" value=\""
                    + token + "\"> Remove</label><input type=\"hidden\" name=\"resume:token\" value=\"" + token
                    + "\" data-sticky-token></li>");
        }
        out.println("</ul>");
        out.println("<input type=\"file\" id=\"resume:file\" name=\"resume:file\" aria-label=\"Résumé\" aria-describedby=\"resume:status\""
                + " data-upload-url=\"" + endpoint(request) + "\" data-required=\"true\"" + (file.isPresent() ? "" : " required") + ">");
        if (file.isEmpty()) {
            out.println("<input type=\"hidden\" name=\"resume:token\" value=\"\" data-sticky-token>");
        }
        out.println("<progress class=\"sticky-upload-progress\" max=\"100\" value=\"0\" hidden></progress>");
        out.println("<span id=\"resume:status\" class=\"sticky-upload-status\" role=\"status\" aria-live=\"polite\"></span></div>");
        out.println("<span id=\"resumeMessage\">" + (fileProblem == null ? "" : escape(fileProblem)) + "</span>");
        out.println("<button id=\"send\" type=\"submit\">Apply</button></form></body></html>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

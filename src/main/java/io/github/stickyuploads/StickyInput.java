package io.github.stickyuploads;

import java.util.List;
import java.util.Optional;

/**
 * What one sticky input of a form post holds, decided as the Faces tag decides it: the file part the form sent
 * (stored now through the input's endpoint, so that it sticks too) &gt; Remove ticked &gt; the tokens it carried
 * &gt; nothing. For forms rendered without Faces; see {@link StickyFiles#read}.
 *
 * <h2>Usage</h2>
 * <pre>
 * StickyInput resume = stickyFiles.read(request, "resume", request.getContextPath() + "/sticky-uploads/default");
 * if (resume.problem().isPresent()) { ... show it next to the input ... }
 * resume.file().ifPresent(file -&gt; ... render "Currently: " + file.filename() and its token ...);
 * </pre>
 *
 * @since 0.1
 */
public interface StickyInput {

    /**
     * @return the files the input holds now, in the order sent; at most one unless it takes several
     * @since 0.1
     */
    List<StickyFile> files();

    /**
     * @return the input's file, for an input that takes one
     * @since 0.1
     */
    default Optional<StickyFile> file() {
        return files().stream().findFirst();
    }

    /**
     * @return why a file the form sent was refused, in the request's language (e.g. "The file is larger than the
     *         limit of 5 MB."); the files the input held before are kept then
     * @since 0.1
     */
    Optional<String> problem();
}

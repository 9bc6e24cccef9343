package io.github.stickyuploads.validation;

import io.github.stickyuploads.StickyFile;
import io.github.stickyuploads.config.MediaTypeRange;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Checks {@link FileType}; Bean Validation picks the nested class that fits the element.
 *
 * @since 0.1
 */
public final class FileTypeValidator {

    private FileTypeValidator() {
    }

    /**
     * {@link FileType} on one file.
     *
     * @since 0.1
     */
    public static final class ForFile implements ConstraintValidator<FileType, StickyFile> {

        private List<MediaTypeRange> accepted;

        /**
         * Creates the validator; Bean Validation does.
         *
         * @since 0.1
         */
        public ForFile() {
        }

        @Override
        public void initialize(FileType constraint) {
            accepted = Arrays.stream(constraint.value()).map(MediaTypeRange::parse).toList();
        }

        @Override
        public boolean isValid(StickyFile file, ConstraintValidatorContext context) {
            return file == null || accepted.stream().anyMatch(range -> range.includes(file.contentType()));
        }
    }

    /**
     * {@link FileType} on every file of a collection.
     *
     * @since 0.1
     */
    public static final class ForFiles implements ConstraintValidator<FileType, Collection<? extends StickyFile>> {

        private final ForFile each = new ForFile();

        /**
         * Creates the validator; Bean Validation does.
         *
         * @since 0.1
         */
        public ForFiles() {
        }

        @Override
        public void initialize(FileType constraint) {
            each.initialize(constraint);
        }

        @Override
        public boolean isValid(Collection<? extends StickyFile> files, ConstraintValidatorContext context) {
            return files == null || files.stream().allMatch(file -> each.isValid(file, context));
        }
    }
}

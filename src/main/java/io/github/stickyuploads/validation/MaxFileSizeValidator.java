package io.github.stickyuploads.validation;

import io.github.stickyuploads.StickyFile;
import io.github.stickyuploads.config.DataSize;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Collection;

/**
 * Checks {@link MaxFileSize}; Bean Validation picks the nested class that fits the element.
 *
 * @since 0.1
 */
public final class MaxFileSizeValidator {

    private MaxFileSizeValidator() {
    }

    /**
     * {@link MaxFileSize} on one file.
     *
     * @since 0.1
     */
    public static final class ForFile implements ConstraintValidator<MaxFileSize, StickyFile> {

        private long limit;

        /**
         * Creates the validator; Bean Validation does.
         *
         * @since 0.1
         */
        public ForFile() {
        }

        @Override
        public void initialize(MaxFileSize constraint) {
            limit = DataSize.parse(constraint.value()).bytes();
        }

        @Override
        public boolean isValid(StickyFile file, ConstraintValidatorContext context) {
            return file == null || file.size() <= limit;
        }
    }

    /**
     * {@link MaxFileSize} on every file of a collection.
     *
     * @since 0.1
     */
    public static final class ForFiles implements ConstraintValidator<MaxFileSize, Collection<? extends StickyFile>> {

        private final ForFile each = new ForFile();

        /**
         * Creates the validator; Bean Validation does.
         *
         * @since 0.1
         */
        public ForFiles() {
        }

        @Override
        public void initialize(MaxFileSize constraint) {
            each.initialize(constraint);
        }

        @Override
        public boolean isValid(Collection<? extends StickyFile> files, ConstraintValidatorContext context) {
            return files == null || files.stream().allMatch(file -> each.isValid(file, context));
        }
    }
}

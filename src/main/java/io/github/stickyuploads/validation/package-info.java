/**
 * Bean Validation constraints for sticky files, valid on a {@link io.github.stickyuploads.StickyFile} and on a
 * collection of them: {@link io.github.stickyuploads.validation.MaxFileSize} and
 * {@link io.github.stickyuploads.validation.FileType}. Their messages come in English and German from the jar's
 * {@code ContributorValidationMessages} bundle, which Hibernate Validator (the provider of every supported server)
 * reads; a key in your own {@code ValidationMessages.properties} wins.
 *
 * <h2>Usage</h2>
 * <pre>
 * &#64;NotNull &#64;FileType({"application/pdf", "text/plain"}) &#64;MaxFileSize("2 MB")
 * private StickyFile resume;
 * </pre>
 *
 * @since 0.1
 */
package io.github.stickyuploads.validation;

package io.github.stickyuploads.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A sticky file must be of one of these media types, judged as the server sniffed it from the bytes (never by
 * the name or the browser's word): on a {@link io.github.stickyuploads.StickyFile}, or on a collection of them
 * (every file), wherever Bean Validation runs. Exact types ({@code application/pdf}), subtype wildcards
 * ({@code image/*}) and {@code *}{@code /*}, as in {@code stickyuploads.allowed-types}. {@code null} is valid.
 *
 * <h2>Usage</h2>
 * <pre>
 * &#64;FileType({"application/pdf", "text/plain"})
 * private StickyFile resume;
 * </pre>
 * The message is {@value #MESSAGE} in the library's bundle, "This file's type is not accepted here; accepted are
 * {value}." and its German translation; override it in your {@code ValidationMessages.properties} or with
 * {@link #message()}.
 *
 * @since 0.1
 */
@Documented
@Constraint(validatedBy = {FileTypeValidator.ForFile.class, FileTypeValidator.ForFiles.class})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface FileType {

    /**
     * The key of the default message.
     *
     * @since 0.1
     */
    String MESSAGE = "{io.github.stickyuploads.validation.FileType.message}";

    /**
     * @return the accepted media types or ranges, e.g. {@code application/pdf} or {@code image/*}
     * @since 0.1
     */
    String[] value();

    /**
     * @return the message template
     * @since 0.1
     */
    String message() default MESSAGE;

    /**
     * @return the validation groups
     * @since 0.1
     */
    Class<?>[] groups() default {};

    /**
     * @return the payload
     * @since 0.1
     */
    Class<? extends Payload>[] payload() default {};
}

package io.github.stickyuploads.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A sticky file may have at most so many bytes: on a {@link io.github.stickyuploads.StickyFile}, or on a
 * collection of them (every file), wherever Bean Validation runs: a Faces backing bean (the message appears at the
 * tag's {@code h:message} and the file stays sticky), any CDI bean's method, a JAX-RS parameter. {@code null} is
 * valid; add {@code @NotNull} for a required file. The endpoint's own limit
 * ({@code stickyuploads.max-size}) still applies to every upload; this one is per field.
 *
 * <h2>Usage</h2>
 * <pre>
 * &#64;MaxFileSize("2 MB")
 * private StickyFile coverLetter;
 * </pre>
 * The message is {@value #MESSAGE} in the library's bundle, "The file is larger than the limit of {value}." and its
 * German translation; override it in your {@code ValidationMessages.properties} or with {@link #message()}.
 *
 * @since 0.1
 */
@Documented
@Constraint(validatedBy = {MaxFileSizeValidator.ForFile.class, MaxFileSizeValidator.ForFiles.class})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface MaxFileSize {

    /**
     * The key of the default message.
     *
     * @since 0.1
     */
    String MESSAGE = "{io.github.stickyuploads.validation.MaxFileSize.message}";

    /**
     * @return the largest size, written as it should appear in the message: bytes, or a number with {@code K},
     *         {@code M} or {@code G} ({@code 512K}, {@code 2 MB}); see {@link io.github.stickyuploads.config.DataSize}
     * @since 0.1
     */
    String value();

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

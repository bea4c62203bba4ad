package io.coregate.gateway.domain.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} component of a wire record that also accepts a JSON number, bound as the number's text as
 * written ({@code 1.50} reads as {@code "1.50"}). The tenant document's decimals take either form; everywhere else a
 * number sent for a string is refused.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface NumberAsText {
}

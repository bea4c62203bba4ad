package io.coregate.gateway.domain.validation;

/** A bound request or document that checks itself, reporting each problem with its path. */
public interface Validated {

    /**
     * Reports every problem of this value to {@code check}, paths relative to it.
     *
     * @param check where problems go
     */
    void check(Check check);
}

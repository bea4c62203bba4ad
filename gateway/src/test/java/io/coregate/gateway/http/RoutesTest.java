package io.coregate.gateway.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Paths as they may be logged or echoed. */
class RoutesTest {

    @Test
    void aCallbackTokenIsMaskedAndOtherPathsAreKept() {
        assertEquals("/bank-a/callbacks/***/sandbox", Routes.masked("/bank-a/callbacks/4b9ENyacdkmsS9vqjdss8pwrf0gEeYUx/sandbox"));
        assertEquals("/bank-a/callbacks/***", Routes.masked("/bank-a/callbacks/4b9ENyacdkmsS9vqjdss8pwrf0gEeYUx"));
        assertEquals("/bank-a/send-money/123", Routes.masked("/bank-a/send-money/123"));
    }
}

package io.coregate.gateway.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import java.util.Objects;

/**
 * Validates backend API answers against {@code sdk-backend-v2_1_0.yaml} (a copy of shared/specs, from
 * {@code @mojaloop/api-snippets} 18.4.1) with a real OpenAPI validator. Statuses the spec does not declare but
 * DESIGN.md requires (404 for an unknown transfer, 400 for a malformed notification) are checked for the spec's
 * {@code errorResponse} shape instead. Thread-safe.
 */
public final class BackendSpec {

    /** The one defect of the published spec that stops a strict parser: a path parameter it never declares. */
    private static final String UNDECLARED = "  /fxTransfers/{commitRequestId}:\n";

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
        .createForInlineApiSpecification(spec())
        .withLevelResolver(LevelResolver.create().withLevel("validation.response.status.unknown", ValidationReport.Level.IGNORE).build())
        .build();

    private BackendSpec() {
    }

    private static String spec() {
        try (var in = Objects.requireNonNull(BackendSpec.class.getResourceAsStream("/spec/sdk-backend-v2_1_0.yaml"))) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!text.contains(UNDECLARED)) {
                throw new IllegalStateException("the spec changed: " + UNDECLARED.strip() + " not found");
            }
            return text.replace(UNDECLARED, UNDECLARED + """
                    parameters:
                      - name: commitRequestId
                        in: path
                        required: true
                        schema:
                          type: string
                """);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Fails when the answer does not validate.
     *
     * @param method   the request's method
     * @param path     the path after the tenant prefix ({@code /transfers/...})
     * @param response the answer
     */
    public static void check(String method, String path, Http.Response response) {
        var builder = SimpleResponse.Builder.status(response.status());
        response.headers().forEach((name, values) -> builder.withHeader(name, values));
        if (!response.body().isEmpty()) {
            builder.withBody(response.body());
        }
        ValidationReport report = VALIDATOR.validateResponse(path, Request.Method.valueOf(method), builder.build());
        if (report.hasErrors()) {
            throw new AssertionError("answer to " + method + " " + path + " (HTTP " + response.status() + ") violates the backend spec: "
                + report.getMessages() + "\nbody: " + response.body());
        }
        if (response.status() >= 400) {
            var body = response.json();
            if (!body.keySet().equals(java.util.Set.of("statusCode", "message")) || !String.valueOf(body.get("statusCode")).matches("[1-9]\\d{3}")) {
                throw new AssertionError("error answer is not {statusCode, message} with an FSPIOP code: " + response.body());
            }
        }
    }
}

package io.coregate.plugins.flexcube;

import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Operation;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Secrets;
import io.coregate.plugin.support.log.Redactor;
import io.coregate.plugin.support.log.SupportLog;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The bank's FCUBS gateway over SOAP/HTTP: one {@code POST <baseUrl>/<Service>/<Service>} per call, its
 * {@code FCUBS_HEADER} filled from the settings, the answer's {@code MSGSTAT} and {@code FCUBS_ERROR_RESP/ERROR[ECODE,
 * EDESC]} read whatever the HTTP status (FCUBS reports a refusal inside a 200). Every call is sent once: the gateway has no
 * idempotency key of its own beyond the XREF, which the adapter looks up before it repeats a posting. Credentials (HTTP
 * Basic, where the bank puts one in front of the gateway) are read from the tenant's secrets on each call and redacted
 * from every log line. Thread-safe.
 */
final class FlexcubeClient implements AutoCloseable {

    private static final int MAX_RESPONSE_BYTES = 1 << 20;

    private final FlexcubeSettings settings;
    private final Secrets secrets;
    private final HttpClient http;
    private final SupportLog log;

    FlexcubeClient(FlexcubeSettings settings, Secrets secrets) {
        this.settings = settings;
        this.secrets = secrets;
        Duration posting = settings.httpTimeout(Operation.POSTING);
        this.http = HttpClient.newBuilder().connectTimeout(posting.compareTo(Duration.ofSeconds(2)) < 0 ? posting : Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.log = new SupportLog(FlexcubeClient.class, Redactor.of(secrets, FlexcubeSettings.USERNAME, FlexcubeSettings.PASSWORD));
    }

    /** One ECODE/EDESC of an answer. */
    record Error(String code, String description) {
    }

    /**
     * What the gateway answered to a call that reached it and came back readable.
     *
     * @param msgstat the header's MSGSTAT ({@code SUCCESS}, {@code FAILURE}, {@code WARNING})
     * @param errors  the {@code FCUBS_ERROR_RESP} entries
     * @param body    the {@code FCUBS_BODY}
     */
    record Reply(String msgstat, List<Error> errors, Soap.Element body) {

        /** Whether one of the errors carries one of these codes. */
        boolean has(java.util.Set<String> codes) {
            return errors.stream().anyMatch(e -> codes.contains(e.code()));
        }
    }

    /**
     * Calls {@code service.operation} with this body. Done with the reply when MSGSTAT is SUCCESS (or WARNING without an
     * ERROR); a reply with errors comes back as {@link Answer.Refused}; anything else (no answer, 5xx, an unreadable
     * answer) as {@link Answer.Broken} with the failure kind to report.
     */
    Answer call(String service, String operation, String root, Map<String, ?> body, Operation kind) {
        String msgId = UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase(Locale.ROOT);
        var header = new LinkedHashMap<String, String>();
        header.put("SOURCE", settings.source());
        header.put("UBSCOMP", settings.ubscomp());
        header.put("MSGID", msgId);
        header.put("USERID", settings.userId());
        header.put("BRANCH", settings.branch());
        header.put("SERVICE", service);
        header.put("OPERATION", operation);
        String envelope = Soap.envelope(service, root, header, body);
        URI uri = URI.create(settings.baseUrl() + "/" + service + "/" + service);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.httpTimeout(kind))
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"" + operation + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8));
        String call = service + "." + operation + " MSGID " + msgId;
        if (settings.auth()) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((secrets.require(FlexcubeSettings.USERNAME) + ":"
                    + secrets.require(FlexcubeSettings.PASSWORD)).getBytes(StandardCharsets.UTF_8)));
            log.log(System.Logger.Level.DEBUG, "flexcube -> " + call + " Authorization: Basic ***");
        } else {
            log.log(System.Logger.Level.DEBUG, "flexcube -> " + call);
        }
        HttpResponse<InputStream> response;
        byte[] bytes;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
            }
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return broken(FailureKind.UNAVAILABLE, call, "cannot connect to the FCUBS gateway: " + e.getMessage());
        } catch (HttpTimeoutException e) {
            return broken(FailureKind.TIMEOUT, call, "no answer within " + settings.httpTimeout(kind).toMillis() + " ms: the outcome is unknown");
        } catch (IOException e) {
            return broken(FailureKind.TIMEOUT, call, "the connection broke: the outcome is unknown (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return broken(FailureKind.TIMEOUT, call, "interrupted: the outcome is unknown");
        }
        int status = response.statusCode();
        if (bytes.length > MAX_RESPONSE_BYTES) {
            return broken(FailureKind.TIMEOUT, call, "answered more than " + MAX_RESPONSE_BYTES + " bytes: the outcome is unknown");
        }
        if (status == 401 || status == 403) {
            return broken(FailureKind.REJECTED, call, "the gateway refused CoreGate's credentials (" + status + ")");
        }
        Soap.Element message;
        try {
            message = Soap.parse(bytes);
        } catch (IllegalArgumentException e) {
            return broken(status == 503 ? FailureKind.UNAVAILABLE : FailureKind.TIMEOUT, call, "answered " + status
                    + " without a readable SOAP envelope: the outcome is unknown (" + e.getMessage() + ")");
        }
        if (message.name().equals("Fault") || status >= 500) {
            return broken(status == 503 ? FailureKind.UNAVAILABLE : FailureKind.TIMEOUT, call, "answered " + status + " "
                    + message.text("faultstring") + ": the outcome is unknown");
        }
        Optional<Soap.Element> head = message.child("FCUBS_HEADER");
        String msgstat = head.map(h -> h.text("MSGSTAT")).orElse("").toUpperCase(Locale.ROOT);
        Soap.Element answered = message.child("FCUBS_BODY").orElse(new Soap.Element("FCUBS_BODY", "", List.of()));
        var errors = new ArrayList<Error>();
        answered.findAll("ERROR").forEach(e -> errors.add(new Error(e.text("ECODE"), e.text("EDESC"))));
        log.log(System.Logger.Level.DEBUG, "flexcube <- " + call + " " + status + " " + msgstat + " " + errors);
        if (msgstat.equals("FAILURE") || !errors.isEmpty()) {
            return new Answer.Refused(new Reply(msgstat, errors, answered), call);
        }
        if (!msgstat.equals("SUCCESS") && !msgstat.equals("WARNING")) {
            return broken(FailureKind.TIMEOUT, call, "answered " + status + " with MSGSTAT '" + msgstat + "': the outcome is unknown");
        }
        if (status >= 300) {
            return broken(FailureKind.REJECTED, call, "answered " + status + " with MSGSTAT " + msgstat);
        }
        return new Answer.Ok(new Reply(msgstat, errors, answered));
    }

    /** How a call ended. */
    sealed interface Answer {

        /** MSGSTAT SUCCESS or WARNING, without an ERROR. */
        record Ok(Reply reply) implements Answer {
        }

        /** MSGSTAT FAILURE, or ERRORs: the gateway read the request and refused it. */
        record Refused(Reply reply, String call) implements Answer {
        }

        /** No readable answer, a 5xx or a SOAP fault: {@code kind} is TIMEOUT when the outcome is unknown. */
        record Broken(FailureKind kind, String message) implements Answer {
        }
    }

    /** The failure a refusal means, through the tenant's error table (the first ECODE decides). */
    <T> Outcome<T> failure(Answer answer) {
        return switch (answer) {
            case Answer.Refused refused -> {
                String code = refused.reply().errors().stream().map(Error::code).filter(c -> !c.isBlank()).findFirst().orElse("");
                String text = "flexcube refused " + refused.call() + ": " + refused.reply().errors().stream()
                        .map(e -> e.code() + " " + e.description()).toList();
                yield code.isEmpty() ? Outcome.failed(FailureKind.REJECTED, text) : settings.errors().failed(code, text);
            }
            case Answer.Broken broken -> Outcome.failed(broken.kind(), broken.message());
            case Answer.Ok ok -> throw new CbsException(FailureKind.REJECTED, "an accepted call is not a failure");
        };
    }

    /** Done with the body when accepted, else the failure. */
    Outcome<Soap.Element> body(Answer answer) {
        return answer instanceof Answer.Ok ok ? Outcome.done(ok.reply().body()) : failure(answer);
    }

    private Answer broken(FailureKind kind, String call, String message) {
        log.log(System.Logger.Level.DEBUG, "flexcube <- " + call + " " + message);
        return new Answer.Broken(kind, "flexcube " + call + ": " + message);
    }

    @Override
    public void close() {
        http.close();
    }
}

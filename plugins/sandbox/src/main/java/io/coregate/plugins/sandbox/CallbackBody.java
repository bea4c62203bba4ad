package io.coregate.plugins.sandbox;

import io.coregate.plugin.api.TransactionStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox bank's callback body, a flat JSON object of texts:
 * {@code {"reference": "SBA-…", "state": "COMPLETED", "cbsReference": "SB-bank-a-3", "transferId": "…",
 * "operation": "debit"}} ({@code cbsReference} is {@code null} unless COMPLETED). Written and read here only (the
 * plugin bundles no JSON library). Stateless and thread-safe.
 */
final class CallbackBody {

    private CallbackBody() {
    }

    /** The body announcing how {@code settlement} settled. */
    static String of(Settlement settlement) {
        var fields = new LinkedHashMap<String, Optional<String>>();
        fields.put("reference", Optional.of(settlement.reference()));
        fields.put("state", Optional.of(settlement.state().name()));
        fields.put("cbsReference", settlement.bookingReference());
        fields.put("transferId", Optional.of(settlement.transferId()));
        fields.put("operation", Optional.of(settlement.operation()));
        var json = new StringBuilder("{");
        fields.forEach((name, value) -> {
            json.append(json.length() > 1 ? "," : "").append(quote(name)).append(':');
            json.append(value.map(CallbackBody::quote).orElse("null"));
        });
        return json.append('}').toString();
    }

    /** The reference, state and booking reference of a body written by {@link #of}; empty for anything else. */
    static Optional<Read> read(String body) {
        Optional<Map<String, Optional<String>>> fields = FlatJson.parse(body);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> reference = fields.get().getOrDefault("reference", Optional.empty()).filter(r -> !r.isBlank());
        Optional<TransactionStatus.State> state = fields.get().getOrDefault("state", Optional.empty()).flatMap(CallbackBody::state);
        if (reference.isEmpty() || state.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Read(reference.get(), state.get(), fields.get().getOrDefault("cbsReference", Optional.empty())));
    }

    /**
     * What a callback says.
     *
     * @param reference    the pending reference
     * @param state        COMPLETED, FAILED or PENDING
     * @param cbsReference the booking's reference, when COMPLETED
     */
    record Read(String reference, TransactionStatus.State state, Optional<String> cbsReference) {
    }

    private static Optional<TransactionStatus.State> state(String text) {
        return switch (text) {
            case "COMPLETED" -> Optional.of(TransactionStatus.State.COMPLETED);
            case "FAILED" -> Optional.of(TransactionStatus.State.FAILED);
            case "PENDING" -> Optional.of(TransactionStatus.State.PENDING);
            default -> Optional.empty();
        };
    }

    private static String quote(String text) {
        var out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}

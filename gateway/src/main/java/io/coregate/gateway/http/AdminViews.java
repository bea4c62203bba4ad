package io.coregate.gateway.http;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coregate.gateway.domain.plugin.PluginView;
import io.coregate.gateway.domain.tenant.AuditTrail;
import io.coregate.gateway.domain.tenant.Tenant;
import io.coregate.gateway.domain.tenant.TenantDocumentBody;
import io.coregate.gateway.json.Mappers;

import java.util.List;
import java.util.Map;

/** The admin API's answers about tenants, their audit and the plugins, as Jackson writes them. */
final class AdminViews {

    private AdminViews() {
    }

    /**
     * A tenant with its canonical document; {@code GET /admin/tenants/{t}} adds its CBS callback URL (a secret: shown to
     * admins to configure the CBS with) and, with {@code sdk.channelWebhook}, the key its webhook is signed with.
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_ABSENT)
    record TenantView(String tenantId, boolean enabled, long revision, String updatedAt, TenantDocumentBody document,
                      java.util.Optional<String> callbackUrl, java.util.Optional<String> channelWebhookSecret) {

        static TenantView of(Tenant tenant) {
            return new TenantView(tenant.id().value(), tenant.enabled(), tenant.revision(), tenant.updatedAt().toString(),
                tenant.document().canonical(), java.util.Optional.empty(), java.util.Optional.empty());
        }

        static TenantView of(Tenant tenant, String callbackUrl, java.util.Optional<String> channelWebhookSecret) {
            return new TenantView(tenant.id().value(), tenant.enabled(), tenant.revision(), tenant.updatedAt().toString(),
                tenant.document().canonical(), java.util.Optional.of(callbackUrl), channelWebhookSecret);
        }
    }

    /** {@code GET /admin/tenants}. */
    record Tenants(List<TenantView> tenants) {
    }

    /** One audit entry. */
    record AuditView(String at, String actor, String action, Map<String, Object> detail) {

        private static final ObjectMapper STORED = Mappers.stored();
        private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
        };

        static AuditView of(AuditTrail.Record entry) {
            try {
                return new AuditView(entry.at().toString(), entry.actor(), entry.action(), STORED.readValue(entry.detail(), OBJECT));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored audit detail is unreadable: " + e.getOriginalMessage(), e);
            }
        }
    }

    /** {@code GET /admin/tenants/{tenant}/audit}. */
    record Audit(List<AuditView> entries) {
    }

    /** {@code GET /admin/plugins/approvals}. */
    record Approvals(List<io.coregate.gateway.domain.plugin.PluginApprovals.Approval> approvals) {
    }

    /** {@code GET /admin/plugins}. */
    record Plugins(List<PluginView> plugins) {
    }

    /** An uploaded jar that did not start: the plugin as listed, with the error's code and message beside it. */
    record RefusedPlugin(@JsonUnwrapped PluginView plugin, String statusCode, String message) {
    }
}

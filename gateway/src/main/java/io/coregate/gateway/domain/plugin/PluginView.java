package io.coregate.gateway.domain.plugin;

import java.util.List;
import java.util.Optional;

/**
 * One plugin jar as the admin API lists it.
 *
 * @param id      plugin id
 * @param version plugin version
 * @param state   {@code STARTED} or {@code FAILED}
 * @param sha256  the jar's checksum
 * @param source  {@code bundled}, {@code dropped} or {@code uploaded}
 * @param reason  why it failed, when it did
 * @param tenants the tenants this version serves now
 */
public record PluginView(String id, String version, String state, String sha256, String source, Optional<String> reason,
                         List<String> tenants) {
}

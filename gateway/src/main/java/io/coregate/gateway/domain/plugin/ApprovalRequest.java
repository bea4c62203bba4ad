package io.coregate.gateway.domain.plugin;

import io.coregate.gateway.domain.validation.Check;
import io.coregate.gateway.domain.validation.Validated;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code POST /admin/plugins/approvals}: {@code {"sha256": "<64 hex>", "note": "acmebank 1.1.0, change 4711"}}.
 *
 * @param sha256 the jar's SHA-256 checksum, hex (either case)
 * @param note   why it is approved, required
 */
public record ApprovalRequest(String sha256, String note) implements Validated {

    private static final Pattern SHA256 = Pattern.compile("^[0-9a-fA-F]{64}$");

    @Override
    public void check(Check check) {
        if (check.present("sha256", sha256) && !SHA256.matcher(sha256).matches()) {
            check.invalid("sha256", "must be a SHA-256 checksum: 64 hexadecimal characters (sha256sum plugin.jar)");
        }
        check.text("note", note, 500);
    }

    /** The checksum in lower case, as the host computes it. */
    public String checksum() {
        return sha256.toLowerCase(Locale.ROOT);
    }
}

package io.coregate.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.gateway.domain.tenant.TenantDocumentBody;
import io.coregate.gateway.domain.tenant.TenantId;
import io.coregate.gateway.domain.tenant.TenantService;
import io.coregate.gateway.json.Binding;
import io.coregate.gateway.json.Mappers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Creates the tenants of {@code tenants.bootstrap-dir}/*.yaml (tenant id = file name) when missing; an existing tenant
 * stays as the admin API last set it. A bad file is reported by name and skipped: one tenant's typo must not keep
 * the others offline.
 */
final class TenantBootstrap {

    private static final System.Logger LOG = System.getLogger(TenantBootstrap.class.getName());
    private static final ObjectMapper YAML = Mappers.configure(new YAMLMapper());

    private TenantBootstrap() {
    }

    static void run(Path dir, TenantService tenants) {
        if (!Files.isDirectory(dir)) {
            LOG.log(System.Logger.Level.INFO, "no tenant bootstrap folder at " + dir.toAbsolutePath());
            return;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().matches(".+\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot list " + dir + ": " + e.getMessage());
            return;
        }
        for (Path file : files) {
            String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            try {
                var document = Binding.bind(YAML.readTree(file.toFile()), TenantDocumentBody.class, tenants::checkPlugin);
                boolean created = tenants.bootstrap(new TenantId(name), document);
                LOG.log(System.Logger.Level.INFO, "tenant " + name + (created ? " created from " : " already exists; left as is: ") + file);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.ERROR, "tenant file " + file + " is not valid YAML: " + e.getMessage());
            } catch (GatewayException e) {
                LOG.log(System.Logger.Level.ERROR, "tenant file " + file + " was refused: " + e.getMessage());
            }
        }
    }
}

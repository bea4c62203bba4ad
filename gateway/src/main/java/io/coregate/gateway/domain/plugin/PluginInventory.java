package io.coregate.gateway.domain.plugin;

import java.util.List;

/** The plugin host as operators see it. Thread-safe. */
public interface PluginInventory {

    /** Every plugin jar seen, with the tenants each serves. */
    List<PluginView> list();
}

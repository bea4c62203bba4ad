package io.coregate.gateway.plugins;

/**
 * A "library" class on the host's class path. {@link ClassLoaderSeparationIT} builds plugins that bundle their own
 * class of this name with other behaviour, to show each plugin sees its own copy and the host keeps its own. Stateless.
 */
public final class LibraryProbe {

    private LibraryProbe() {
    }

    /** Which copy of the library answered. */
    public static String edition() {
        return "host";
    }
}

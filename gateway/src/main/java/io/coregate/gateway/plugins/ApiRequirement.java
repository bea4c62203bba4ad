package io.coregate.gateway.plugins;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a plugin's manifest fits the plugin API this gateway implements: its {@code Plugin-Version} must be SemVer
 * (versions are compared to pick a tenant's), and its {@code Plugin-Requires} must be a SemVer range, in PF4J's syntax
 * such as {@code >=2.0.0 & <3.0.0}, that contains the implemented API version. A plugin that does not fit is listed
 * {@code FAILED} with the returned reason and never started. Immutable; thread-safe.
 *
 * @param apiVersion the plugin API version the host implements, e.g. {@code 2.0.0}
 */
record ApiRequirement(String apiVersion) {

    /** SemVer 2.0.0: MAJOR.MINOR.PATCH with an optional pre-release and build. */
    private static final Pattern SEMVER = Pattern.compile(
        "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");

    ApiRequirement {
        if (!SEMVER.matcher(apiVersion).matches()) {
            throw new IllegalArgumentException("the plugin API version '" + apiVersion + "' is not SemVer");
        }
    }

    /** The range a plugin built against this API declares. */
    String example() {
        int major = Integer.parseInt(apiVersion.substring(0, apiVersion.indexOf('.')));
        return ">=" + major + ".0.0 & <" + (major + 1) + ".0.0";
    }

    /**
     * Why a plugin does not fit, or empty when it does.
     *
     * @param version  its {@code Plugin-Version}
     * @param requires its {@code Plugin-Requires}; PF4J reads a missing one as {@code *}
     */
    Optional<String> problem(String version, String requires) {
        if (!SEMVER.matcher(version).matches()) {
            return Optional.of("Plugin-Version '" + version + "' is not SemVer: write MAJOR.MINOR.PATCH, such as 1.0.0");
        }
        String range = requires == null ? "" : requires.strip();
        if (range.isEmpty() || range.equals("*")) {
            return Optional.of("Plugin-Requires is missing: declare the plugin API range the plugin was built for, e.g. '" + example()
                + "' (this gateway implements plugin API " + apiVersion + ")");
        }
        boolean met;
        try {
            met = PluginLoader.VERSIONS.checkVersionConstraint(apiVersion, range);
        } catch (RuntimeException e) {
            return Optional.of("Plugin-Requires '" + range + "' is not a SemVer range such as '" + example() + "'");
        }
        if (!met) {
            return Optional.of("Plugin-Requires " + range + " is not met: this gateway implements plugin API " + apiVersion);
        }
        return Optional.empty();
    }
}

package org.privacykit.jackson3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import tools.jackson.core.Version;
import tools.jackson.core.Versioned;
import tools.jackson.core.util.VersionUtil;

/**
 * The version of this module, as the build wrote it into {@code version.properties} (resource
 * filtering), the way Jackson's own modules report theirs: never a literal that a release forgets.
 */
final class PackageVersion implements Versioned {
    static final Version VERSION = read();

    private static Version read() {
        Properties properties = new Properties();
        try (InputStream in = PackageVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("privacy-jackson3: version.properties is missing from the jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("privacy-jackson3: version.properties cannot be read", e);
        }
        return VersionUtil.parseVersion(properties.getProperty("version"), properties.getProperty("groupId"),
                properties.getProperty("artifactId"));
    }

    @Override
    public Version version() {
        return VERSION;
    }
}

package org.privacykit.jackson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.Versioned;
import com.fasterxml.jackson.core.util.VersionUtil;

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
                throw new IllegalStateException("privacy-jackson: version.properties is missing from the jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("privacy-jackson: version.properties cannot be read", e);
        }
        return VersionUtil.parseVersion(properties.getProperty("version"), properties.getProperty("groupId"),
                properties.getProperty("artifactId"));
    }

    @Override
    public Version version() {
        return VERSION;
    }
}

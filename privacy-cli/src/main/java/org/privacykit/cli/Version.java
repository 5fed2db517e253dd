package org.privacykit.cli;

import picocli.CommandLine;

/** The version printed by {@code --version}: the jar's implementation version. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = PrivacyCli.class.getPackage().getImplementationVersion();
        return new String[] {"privacy-kit " + (version == null ? "(development build)" : version)};
    }
}

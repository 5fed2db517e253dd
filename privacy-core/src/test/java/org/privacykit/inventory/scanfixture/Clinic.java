package org.privacykit.inventory.scanfixture;

/** A scan fixture without declared personal data, but with a field that looks personal: the lint finds it. */
public record Clinic(String name, String city, String contactEmail) {
}

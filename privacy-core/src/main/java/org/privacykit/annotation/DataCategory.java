package org.privacykit.annotation;

import org.jspecify.annotations.Nullable;

/**
 * The GDPR category of a piece of personal data, as a record of processing (Art. 30) lists it.
 * Special categories (Art. 9) and criminal data (Art. 10) are flagged, since processing them needs
 * an additional condition beyond a legal basis.
 */
public enum DataCategory {
    /** Names, dates of birth and other data that identify a person. */
    IDENTITY("Identity data", null),
    /** E-mail addresses, phone numbers, postal addresses. */
    CONTACT("Contact data", null),
    /** Payment cards, bank accounts, IBANs. */
    FINANCIAL("Financial data", null),
    /** National identification numbers and passports (Art. 87). */
    GOVERNMENT_ID("National identifiers", "Art. 87"),
    /** IP addresses, device identifiers, user names (Recital 30). */
    ONLINE_IDENTIFIER("Online identifiers", "Recital 30"),
    /** Postcodes and geolocation. */
    LOCATION("Location data", null),
    /** Free text written by or about a person: messages, notes, tickets. */
    CONTENT("Communications and free text", null),
    /** Data concerning health. Special category. */
    HEALTH("Health data", "Art. 9(1)"),
    /** Biometric data processed to identify a person. Special category. */
    BIOMETRIC("Biometric data", "Art. 9(1)"),
    /** Genetic data. Special category. */
    GENETIC("Genetic data", "Art. 9(1)"),
    /** Racial or ethnic origin. Special category. */
    RACIAL_OR_ETHNIC_ORIGIN("Racial or ethnic origin", "Art. 9(1)"),
    /** Political opinions. Special category. */
    POLITICAL_OPINIONS("Political opinions", "Art. 9(1)"),
    /** Religious or philosophical beliefs. Special category. */
    RELIGIOUS_OR_PHILOSOPHICAL_BELIEFS("Religious or philosophical beliefs", "Art. 9(1)"),
    /** Trade union membership. Special category. */
    TRADE_UNION_MEMBERSHIP("Trade union membership", "Art. 9(1)"),
    /** Sex life or sexual orientation. Special category. */
    SEX_LIFE_OR_SEXUAL_ORIENTATION("Sex life or sexual orientation", "Art. 9(1)"),
    /** Criminal convictions and offences (Art. 10). */
    CRIMINAL_CONVICTIONS_AND_OFFENCES("Criminal convictions and offences", "Art. 10"),
    /** Secrets that protect an account, such as tokens and passwords. */
    CREDENTIALS("Credentials and secrets", null),
    /** Personal data that fits no other category. */
    OTHER("Other personal data", null);

    private final String label;
    private final @Nullable String article;

    DataCategory(String label, @Nullable String article) {
        this.label = label;
        this.article = article;
    }

    /**
     * Returns a human-readable name for reports.
     *
     * @return the label, such as "Health data"
     */
    public String label() {
        return label;
    }

    /**
     * Returns the GDPR provision that governs this category specially, if any.
     *
     * @return the article, such as "Art. 9(1)", or the empty string
     */
    public String gdprArticle() {
        return article == null ? "" : article;
    }

    /**
     * Tells whether this is a special category of personal data (GDPR Art. 9).
     *
     * @return {@code true} for the Art. 9 categories
     */
    public boolean isSpecialCategory() {
        return "Art. 9(1)".equals(article);
    }

    /**
     * Tells whether this is personal data relating to criminal convictions and offences (GDPR Art. 10).
     *
     * @return {@code true} for criminal data
     */
    public boolean isCriminalData() {
        return this == CRIMINAL_CONVICTIONS_AND_OFFENCES;
    }
}

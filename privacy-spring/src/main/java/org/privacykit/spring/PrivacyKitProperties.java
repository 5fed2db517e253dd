package org.privacykit.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code privacykit.*} properties of both Spring Boot starters. Every part of the
 * auto-configuration can be switched off here. No property holds a key; the key-encryption key's
 * secret is a placeholder resolved from the environment, or the name of the variable holding it.
 *
 * <pre>
 * privacykit.key-ring.file=/etc/shop/keys.pkkr
 * privacykit.key-ring.passphrase=${KEYRING_PASSPHRASE}
 * privacykit.reveal.authorities[ROLE_SUPPORT]=support
 * </pre>
 */
@ConfigurationProperties(prefix = "privacykit")
public class PrivacyKitProperties {

    private final Jackson jackson = new Jackson();
    private final Encryption encryption = new Encryption();
    private final Jpa jpa = new Jpa();
    private final Reveal reveal = new Reveal();
    private final Inventory inventory = new Inventory();
    private final Logging logging = new Logging();
    private final KeyRing keyRing = new KeyRing();

    /** Creates the properties with their defaults. */
    public PrivacyKitProperties() {
    }

    /**
     * Returns the Jackson settings.
     *
     * @return the {@code privacykit.jackson.*} settings
     */
    public Jackson getJackson() {
        return jackson;
    }

    /**
     * Returns the key ring settings.
     *
     * @return the {@code privacykit.encryption.*} settings
     */
    public Encryption getEncryption() {
        return encryption;
    }

    /**
     * Returns the privacy-jpa settings.
     *
     * @return the {@code privacykit.jpa.*} settings
     */
    public Jpa getJpa() {
        return jpa;
    }

    /**
     * Returns the reveal settings.
     *
     * @return the {@code privacykit.reveal.*} settings
     */
    public Reveal getReveal() {
        return reveal;
    }

    /**
     * Returns the inventory settings.
     *
     * @return the {@code privacykit.inventory.*} settings
     */
    public Inventory getInventory() {
        return inventory;
    }

    /**
     * Returns {@code privacykit.key-ring.*}: the key-ring file and its key-encryption key.
     *
     * @return the key-ring settings
     */
    public KeyRing getKeyRing() {
        return keyRing;
    }

    /**
     * Returns {@code privacykit.logging.*}: masking of Spring Boot's Logback appenders.
     *
     * @return the logging settings
     */
    public Logging getLogging() {
        return logging;
    }

    /** {@code privacykit.jackson.*}: the masking module on the application's {@code ObjectMapper}. */
    public static class Jackson {
        private boolean enabled = true;

        /** Creates the defaults. */
        public Jackson() {
        }

        /**
         * Returns whether the application's {@code ObjectMapper} gets {@code PrivacyModule.masking()}.
         *
         * @return {@code true} by default
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether the application's {@code ObjectMapper} gets {@code PrivacyModule.masking()}.
         *
         * @param enabled {@code false} to leave the mapper alone
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** {@code privacykit.encryption.*}: the key ring and the {@code FieldEncryptor} bean. */
    public static class Encryption {
        private boolean enabled = true;
        private boolean required;
        private @Nullable Path subjectKeys;

        /** Creates the defaults. */
        public Encryption() {
        }

        /**
         * Returns whether the key ring of {@code privacykit.key-ring.*} is loaded and a {@code FieldEncryptor} made.
         *
         * @return {@code true} by default
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether the key ring of {@code privacykit.key-ring.*} is loaded and a {@code FieldEncryptor} made.
         *
         * @param enabled {@code false} to load no key ring
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * Returns whether startup fails when no {@code FieldCipher} bean results.
         *
         * @return {@code false} by default
         */
        public boolean isRequired() {
            return required;
        }

        /**
         * Sets whether startup fails when no {@code FieldCipher} bean results.
         *
         * @param required {@code true} to make a key ring mandatory
         */
        public void setRequired(boolean required) {
            this.required = required;
        }

        /**
         * Returns the directory of per-subject keys for crypto-shredding.
         *
         * @return the directory, or {@code null} for no crypto-shredding
         */
        public @Nullable Path getSubjectKeys() {
            return subjectKeys;
        }

        /**
         * Sets the directory of per-subject keys for crypto-shredding ({@code SubjectKeyStore.directory}).
         *
         * @param subjectKeys the directory
         */
        public void setSubjectKeys(@Nullable Path subjectKeys) {
            this.subjectKeys = subjectKeys;
        }

    }

    /**
     * {@code privacykit.key-ring.*}: the wrapped key-ring file and its key-encryption key (KEK): a
     * passphrase, or an AES key in a PKCS#12 key store. A secret is given either as a value, which
     * should be a placeholder such as {@code ${KEYRING_PASSPHRASE}} that Spring resolves from the
     * environment, or as the name of the variable holding it ({@code *-variable}). No failure message
     * ever repeats a secret, nor a {@code *-variable} value that does not look like a variable name.
     */
    public static class KeyRing {
        /** The default rotation period: NIST SP 800-57's cryptoperiod for data-encryption keys is one to two years; 90 days is the usual policy. */
        static final Duration DEFAULT_ROTATION_PERIOD = Duration.ofDays(90);
        /** The key ring's own default refresh interval ({@code KeyRing.DEFAULT_REFRESH_INTERVAL}; privacy-crypto is optional here). */
        static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(30);
        private @Nullable Path file;
        private @Nullable String passphrase;
        private @Nullable String passphraseVariable;
        private @Nullable Path keystore;
        private @Nullable String keystorePassword;
        private @Nullable String keystorePasswordVariable;
        private String alias = "privacykit-kek";
        private Duration rotationPeriod = DEFAULT_ROTATION_PERIOD;
        private Duration refreshInterval = DEFAULT_REFRESH_INTERVAL;

        /** Creates the defaults. */
        public KeyRing() {
        }

        /**
         * Returns the wrapped key-ring file (made by {@code KeyRing.create}).
         *
         * @return the file, or {@code null} when not configured
         */
        public @Nullable Path getFile() {
            return file;
        }

        /**
         * Sets the wrapped key-ring file.
         *
         * @param file the file
         */
        public void setFile(@Nullable Path file) {
            this.file = file;
        }

        /**
         * Returns the KEK passphrase, usually a placeholder resolved from the environment.
         *
         * @return the passphrase, or {@code null}
         */
        public @Nullable String getPassphrase() {
            return passphrase;
        }

        /**
         * Sets the KEK passphrase; write {@code ${KEYRING_PASSPHRASE}} rather than the passphrase itself.
         *
         * @param passphrase the passphrase
         */
        public void setPassphrase(@Nullable String passphrase) {
            this.passphrase = passphrase;
        }

        /**
         * Returns the name of the environment variable (or property) that holds the passphrase.
         *
         * @return the name, such as {@code KEYRING_PASSPHRASE}, or {@code null}
         */
        public @Nullable String getPassphraseVariable() {
            return passphraseVariable;
        }

        /**
         * Sets the name of the environment variable (or property) that holds the passphrase.
         *
         * @param passphraseVariable the name, not the passphrase
         */
        public void setPassphraseVariable(@Nullable String passphraseVariable) {
            this.passphraseVariable = passphraseVariable;
        }

        /**
         * Returns the PKCS#12 key store holding the KEK.
         *
         * @return the file, or {@code null}
         */
        public @Nullable Path getKeystore() {
            return keystore;
        }

        /**
         * Sets the PKCS#12 key store holding the KEK (an AES secret-key entry).
         *
         * @param keystore the file
         */
        public void setKeystore(@Nullable Path keystore) {
            this.keystore = keystore;
        }

        /**
         * Returns the key store password, usually a placeholder resolved from the environment.
         *
         * @return the password, or {@code null}
         */
        public @Nullable String getKeystorePassword() {
            return keystorePassword;
        }

        /**
         * Sets the key store password; write {@code ${KEYSTORE_PASSWORD}} rather than the password itself.
         *
         * @param keystorePassword the password
         */
        public void setKeystorePassword(@Nullable String keystorePassword) {
            this.keystorePassword = keystorePassword;
        }

        /**
         * Returns the name of the environment variable (or property) that holds the key store password.
         *
         * @return the name, or {@code null}
         */
        public @Nullable String getKeystorePasswordVariable() {
            return keystorePasswordVariable;
        }

        /**
         * Sets the name of the environment variable (or property) that holds the key store password.
         *
         * @param keystorePasswordVariable the name, not the password
         */
        public void setKeystorePasswordVariable(@Nullable String keystorePasswordVariable) {
            this.keystorePasswordVariable = keystorePasswordVariable;
        }

        /**
         * Returns the alias of the KEK entry in the key store.
         *
         * @return {@code privacykit-kek} by default
         */
        public String getAlias() {
            return alias;
        }

        /**
         * Sets the alias of the KEK entry in the key store.
         *
         * @param alias the alias
         */
        public void setAlias(String alias) {
            this.alias = alias;
        }

        /**
         * Returns how old the primary key may get before the health indicator reports a rotation due.
         *
         * @return 90 days by default
         */
        public Duration getRotationPeriod() {
            return rotationPeriod;
        }

        /**
         * Sets how old the primary key may get before a rotation is due.
         *
         * @param rotationPeriod a positive duration, such as {@code 90d}
         */
        public void setRotationPeriod(Duration rotationPeriod) {
            if (rotationPeriod.isNegative() || rotationPeriod.isZero()) {
                throw new IllegalArgumentException("privacykit.key-ring.rotation-period must be positive, was " + rotationPeriod);
            }
            this.rotationPeriod = rotationPeriod;
        }

        /**
         * Returns how long the ring goes, at most, before it checks on use whether another instance
         * changed its file (a rotation there), and reloads it.
         *
         * @return 30 seconds by default (the key ring's own default)
         */
        public Duration getRefreshInterval() {
            return refreshInterval;
        }

        /**
         * Sets how long the ring goes, at most, before it checks its file; {@code 0} turns the check off.
         *
         * @param refreshInterval zero or positive
         */
        public void setRefreshInterval(Duration refreshInterval) {
            if (refreshInterval.isNegative()) {
                throw new IllegalArgumentException("privacykit.key-ring.refresh-interval must not be negative, was " + refreshInterval);
            }
            this.refreshInterval = refreshInterval;
        }
    }

    /** {@code privacykit.jpa.*}: handing the {@code FieldEncryptor} to privacy-jpa. */
    public static class Jpa {
        private boolean enabled = true;
        private final Repositories repositories = new Repositories();

        /** Creates the defaults. */
        public Jpa() {
        }

        /**
         * Returns whether Hibernate gets the {@code FieldEncryptor} bean as {@code privacykit.jpa.field_encryptor}.
         *
         * @return {@code true} by default
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether Hibernate gets the {@code FieldEncryptor} bean.
         *
         * @param enabled {@code false} to leave Hibernate's properties alone
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * Returns the Spring Data repository settings.
         *
         * @return {@code privacykit.jpa.repositories.*}
         */
        public Repositories getRepositories() {
            return repositories;
        }
    }

    /** {@code privacykit.jpa.repositories.*}: Spring Data derived queries on encrypted attributes. */
    public static class Repositories {
        private boolean enabled = true;

        /** Creates the defaults. */
        public Repositories() {
        }

        /**
         * Returns whether derived query methods on {@code @Encrypted} attributes are answered with their search terms.
         *
         * @return {@code true} by default
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether derived query methods on {@code @Encrypted} attributes are answered with their search terms.
         *
         * @param enabled {@code false} to leave such methods to Spring Data alone
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** {@code privacykit.reveal.*}: which purposes a request may reveal. */
    public static class Reveal {
        private boolean enabled = true;
        private Map<String, List<String>> authorities = new LinkedHashMap<>();
        private final Header header = new Header();

        /** Creates the defaults. */
        public Reveal() {
        }

        /**
         * Returns whether HTTP responses may reveal fields for the request's purposes.
         *
         * @return {@code true} by default (with no mapping, nothing is revealed)
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether HTTP responses may reveal fields for the request's purposes.
         *
         * @param enabled {@code false} to mask every response
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * Returns the map from a granted authority (such as {@code ROLE_SUPPORT}) to the purposes it
         * may reveal.
         *
         * @return the mutable map
         */
        public Map<String, List<String>> getAuthorities() {
            return authorities;
        }

        /**
         * Sets the map from a granted authority to the purposes it may reveal.
         *
         * @param authorities the map
         */
        public void setAuthorities(Map<String, List<String>> authorities) {
            this.authorities = new LinkedHashMap<>(authorities);
        }

        /**
         * Returns the header settings.
         *
         * @return the {@code privacykit.reveal.header.*} settings
         */
        public Header getHeader() {
            return header;
        }
    }

    /**
     * {@code privacykit.reveal.header.*}: purposes declared by a request header, for services behind
     * a trusted gateway that authenticates the caller and sets the header. Off by default: never
     * enable it on a service that clients reach directly.
     */
    public static class Header {
        private boolean enabled;
        private String name = "X-Privacy-Purpose";
        private String actorName = "X-Privacy-Actor";
        private List<String> allowedPurposes = new ArrayList<>();

        /** Creates the defaults. */
        public Header() {
        }

        /**
         * Returns whether the purpose header is read.
         *
         * @return {@code false} by default
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether the purpose header is read.
         *
         * @param enabled {@code true} only behind a trusted gateway
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * Returns the header that lists the purposes, comma separated.
         *
         * @return {@code X-Privacy-Purpose} by default
         */
        public String getName() {
            return name;
        }

        /**
         * Sets the header that lists the purposes.
         *
         * @param name the header name
         */
        public void setName(String name) {
            this.name = name;
        }

        /**
         * Returns the header that names the actor when the request has no authenticated principal.
         *
         * @return {@code X-Privacy-Actor} by default
         */
        public String getActorName() {
            return actorName;
        }

        /**
         * Sets the header that names the actor when the request has no authenticated principal.
         *
         * @param actorName the header name
         */
        public void setActorName(String actorName) {
            this.actorName = actorName;
        }

        /**
         * Returns the purposes the header may declare.
         *
         * @return the mutable list; empty means any purpose
         */
        public List<String> getAllowedPurposes() {
            return allowedPurposes;
        }

        /**
         * Sets the purposes the header may declare.
         *
         * @param allowedPurposes the purposes; empty means any
         */
        public void setAllowedPurposes(List<String> allowedPurposes) {
            this.allowedPurposes = new ArrayList<>(allowedPurposes);
        }
    }

    /** {@code privacykit.inventory.*}: the inventory summary of the application's packages. */
    public static class Inventory {
        private boolean enabled = true;
        private boolean logOnStartup = true;
        private List<String> packages = new ArrayList<>();

        /** Creates the defaults. */
        public Inventory() {
        }

        /**
         * Returns whether the inventory summary (startup log line and actuator endpoint) is on.
         *
         * @return {@code true} by default
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether the inventory summary is on.
         *
         * @param enabled {@code false} to scan nothing
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * Returns whether one line with the counts is logged when the application is ready.
         *
         * @return {@code true} by default
         */
        public boolean isLogOnStartup() {
            return logOnStartup;
        }

        /**
         * Sets whether one line with the counts is logged when the application is ready.
         *
         * @param logOnStartup {@code false} for no log line
         */
        public void setLogOnStartup(boolean logOnStartup) {
            this.logOnStartup = logOnStartup;
        }

        /**
         * Returns the packages to scan.
         *
         * @return the mutable list; empty means the application's auto-configuration packages
         */
        public List<String> getPackages() {
            return packages;
        }

        /**
         * Sets the packages to scan.
         *
         * @param packages the packages; empty means the application's auto-configuration packages
         */
        public void setPackages(List<String> packages) {
            this.packages = new ArrayList<>(packages);
        }
    }

    /**
     * {@code privacykit.logging.*}: with privacy-logback on the class path, the encoder of every
     * Logback appender Spring Boot configures (console, file, structured logging) is wrapped in
     * privacy-logback's {@code MaskingEncoder} once logging is initialized. Read from the environment
     * before the application context exists, as Spring Boot reads {@code logging.*}.
     */
    public static class Logging {
        private boolean enabled = true;
        private List<String> maskKeys = new ArrayList<>();
        private boolean detectPii = true;
        private List<String> piiTypes = new ArrayList<>();
        private double minConfidence = 0.5;
        private String piiReplacement = "MASK";

        /** Creates the settings with their defaults. */
        public Logging() {
        }

        /**
         * Whether the appenders' encoders are wrapped; {@code true} by default.
         *
         * @return the switch
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Turns the masking of Spring Boot's appenders on or off.
         *
         * @param enabled the switch
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * Keys of MDC entries, key-value pairs and JSON held in values whose values are masked whole
         * ({@code password}) or as a type ({@code email:EMAIL}).
         *
         * @return the key specs
         */
        public List<String> getMaskKeys() {
            return maskKeys;
        }

        /**
         * Sets the masked keys.
         *
         * @param maskKeys the key specs
         */
        public void setMaskKeys(List<String> maskKeys) {
            this.maskKeys = new ArrayList<>(maskKeys);
        }

        /**
         * Whether the PII detector scans messages, MDC values, key-value pairs and exception
         * messages; {@code true} by default.
         *
         * @return the switch
         */
        public boolean isDetectPii() {
            return detectPii;
        }

        /**
         * Turns the detector on or off.
         *
         * @param detectPii the switch
         */
        public void setDetectPii(boolean detectPii) {
            this.detectPii = detectPii;
        }

        /**
         * The detector's types; all of them when empty.
         *
         * @return the type names
         */
        public List<String> getPiiTypes() {
            return piiTypes;
        }

        /**
         * Sets the detector's types.
         *
         * @param piiTypes type names, such as {@code EMAIL}
         */
        public void setPiiTypes(List<String> piiTypes) {
            this.piiTypes = new ArrayList<>(piiTypes);
        }

        /**
         * The confidence a finding needs, 0 to 1; 0.5 by default.
         *
         * @return the threshold
         */
        public double getMinConfidence() {
            return minConfidence;
        }

        /**
         * Sets the confidence a finding needs.
         *
         * @param minConfidence from 0 to 1
         */
        public void setMinConfidence(double minConfidence) {
            this.minConfidence = minConfidence;
        }

        /**
         * {@code MASK} (the type's mask) or {@code REDACT} ({@code [EMAIL]}) for detected PII.
         *
         * @return the replacement
         */
        public String getPiiReplacement() {
            return piiReplacement;
        }

        /**
         * Sets the replacement for detected PII.
         *
         * @param piiReplacement {@code MASK} or {@code REDACT}
         */
        public void setPiiReplacement(String piiReplacement) {
            this.piiReplacement = piiReplacement;
        }
    }
}

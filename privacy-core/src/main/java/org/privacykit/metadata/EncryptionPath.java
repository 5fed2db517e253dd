package org.privacykit.metadata;

/**
 * A way an {@code @Encrypted} value reaches storage. Each path can hold different values encrypted,
 * and {@link #decide(PropertyMetadata)} says, for one property, whether this path encrypts it or
 * what stops it. That one decision is what {@code FieldEncryptor} checks before it copies an
 * object, what privacy-jpa checks when it starts, what {@code PrivacyLint} reports and what the
 * inventory's "at rest" column says, so the four never disagree.
 *
 * <pre>{@code
 * AtRest atRest = EncryptionPath.OBJECT_COPY.decide(PrivacyMetadata.of(Customer.class).property("born"));
 * atRest.encrypted();   // false: a copy of Customer keeps born a LocalDate, which cannot hold a ciphertext
 * atRest.reason();      // "is declared LocalDate; a copy keeps the declared type, ..."
 * atRest.fix();         // what to change
 * }</pre>
 */
public enum EncryptionPath {
    /**
     * {@code FieldEncryptor.encrypt(object)}: a copy of the same class holds each ciphertext in the
     * property itself, so only text can be encrypted: a {@code String} (or {@code CharSequence}, or
     * {@code Object} holding text), and collections, arrays, map values and {@code Optional}s of text.
     * The property needs a field the copy can set.
     */
    OBJECT_COPY("FieldEncryptor.encrypt(object)"),
    /**
     * privacy-jackson's encrypting mapper: the value is written as JSON and that text encrypted into
     * one JSON string, so a value of any type (numbers, dates, nested objects, whole collections and
     * maps with their keys) is encrypted.
     */
    JSON("the Jackson encrypting mapper"),
    /**
     * privacy-jpa: a {@code String} attribute of the entity becomes a text column of ciphertext; other
     * types, collections and attributes without a field are refused when the persistence unit starts.
     */
    JPA("privacy-jpa");

    private final String label;

    EncryptionPath(String label) {
        this.label = label;
    }

    /**
     * Returns how the path is named in messages and reports.
     *
     * @return the label, such as {@code FieldEncryptor.encrypt(object)}
     */
    public String label() {
        return label;
    }

    /**
     * Decides whether this path stores a property encrypted.
     *
     * @param property the property, {@code @Encrypted} or not
     * @return the decision; not encrypted, with the reason and the fix, when the path cannot encrypt it
     */
    public AtRest decide(PropertyMetadata property) {
        if (!property.isEncrypted()) {
            return AtRest.refused(this, "is not @Encrypted", "add @Encrypted to store it encrypted");
        }
        if (this == JSON) {
            return AtRest.encrypted(this);
        }
        String type = property.rawType().getSimpleName();
        if (!property.isWritable()) {
            return AtRest.refused(this, "has no field, only a getter, for " + label + " to hold its ciphertext",
                    "declare @Encrypted on the backing field");
        }
        if (this == JPA) {
            if (property.rawType() != String.class) {
                return AtRest.refused(this, "is declared " + type + "; " + label + " encrypts String attributes (the column"
                        + " holds text ciphertext)", "declare it as a String and convert it at the edges of the"
                        + " entity, or store it through the Jackson encrypting mapper");
            }
            return AtRest.encrypted(this);
        }
        Class<?> element = property.elementClass();
        if (!holdsText(element)) {
            String held = property.isContainer() ? "holds elements of type " + element.getSimpleName()
                    : "is declared " + type;
            String fix = PrivacyMetadata.isNavigable(element)
                    ? "annotate the String fields of " + element.getSimpleName() + " with @Encrypted instead"
                    : "declare it as a String (convert at the edges), or store it through the Jackson encrypting"
                    + " mapper, which encrypts any type";
            return AtRest.refused(this, held + "; a copy keeps the declared type, which cannot hold"
                    + " a ciphertext", fix);
        }
        if (property.mapKey() != null) {
            return AtRest.refused(this, "has personal map keys; a copy encrypts the map's values and keeps its"
                    + " keys in clear", "key the map by something that is not personal (a subject id), or store"
                    + " it through the Jackson encrypting mapper, which encrypts the whole map");
        }
        return AtRest.encrypted(this);
    }

    /** Whether values of a declared element class can be replaced by a ciphertext string. */
    private static boolean holdsText(Class<?> element) {
        return element == String.class || element == CharSequence.class || element == Object.class
                || element == java.io.Serializable.class || element == Comparable.class;
    }
}

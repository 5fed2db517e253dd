package org.privacykit.dataset;

/**
 * What a column is to anonymization, as ARX and the literature name it.
 *
 * <table>
 *   <caption>Roles and what a release does with them</caption>
 *   <tr><th>role</th><th>in a release</th><th>from annotations</th></tr>
 *   <tr><td>{@link #IDENTIFIER}</td><td>removed</td><td>{@code @SubjectId}; {@code @PersonalData} of any type
 *       that is neither a quasi-identifier nor a special category; {@code @Sensitive} secrets;
 *       {@code @Encrypted}</td></tr>
 *   <tr><td>{@link #QUASI_IDENTIFIER}</td><td>generalized</td><td>{@code @QuasiIdentifier}</td></tr>
 *   <tr><td>{@link #SENSITIVE}</td><td>kept; the models (ℓ-diversity, t-closeness) protect it</td>
 *       <td>{@code @PersonalData} of a special category (GDPR Art. 9) or criminal data (Art. 10)</td></tr>
 *   <tr><td>{@link #INSENSITIVE}</td><td>kept as it is</td><td>fields without annotations</td></tr>
 * </table>
 */
public enum ColumnRole {
    /** Identifies a person on its own (name, e-mail, record number): never released. */
    IDENTIFIER,
    /** Identifies a person in combination with others (age, sex, postcode): generalized. */
    QUASI_IDENTIFIER,
    /** What must not be learned about a person (diagnosis, salary): kept, protected by the models. */
    SENSITIVE,
    /** Neither: released as it is. */
    INSENSITIVE
}

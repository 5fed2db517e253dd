/**
 * Encrypted, searchable entity attributes for Hibernate ORM 7. Annotate String attributes of an
 * entity with {@code @Encrypted} (and {@code @PersonalData}), give Hibernate the
 * {@code FieldEncryptor} under {@link org.privacykit.jpa.EncryptedEntities#FIELD_ENCRYPTOR}, and the
 * column holds ciphertext bound to entity, attribute and data subject while the entity holds plaintext.
 * {@link org.privacykit.jpa.EncryptedEntities} searches by equality and crypto-shreds subjects;
 * {@link org.privacykit.jpa.EncryptionJob} re-encrypts tables after a key rotation and encrypts
 * existing plaintext columns in place.
 */
package org.privacykit.jpa;

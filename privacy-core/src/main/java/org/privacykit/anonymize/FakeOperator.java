package org.privacykit.anonymize;

import static org.privacykit.anonymize.Transforms.requireKnown;
import static org.privacykit.anonymize.Transforms.unsupported;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.privacykit.annotation.Operator;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.pseudonym.Pseudonymizer;

/**
 * FAKE: a realistic value of the field's type ({@link Fakes}), drawn from a key derived per type,
 * so the same input gives the same fake in every field and class; retried when a draw gives the
 * input back.
 */
final class FakeOperator {
    private final Map<PersonalDataType, KeyedHash> keys = new EnumMap<>(PersonalDataType.class);

    FakeOperator(Pseudonymizer pseudonymizer) {
        for (PersonalDataType type : PersonalDataType.values()) {
            keys.put(type, new KeyedHash(pseudonymizer.deriveKey(type.name(), "fake")));
        }
    }

    /** The key of a type's fakes; every type has one. */
    private KeyedHash key(PersonalDataType type) {
        return Objects.requireNonNull(keys.get(type), "a fake key per type");
    }

    Transforms.ValueTransform prepare(String where, PersonalDataType type, Class<?> element) {
        if (type == null) {
            throw new AnonymizationException(where, "FAKE needs a personal data type; a secret is suppressed");
        }
        boolean dates = type == PersonalDataType.DATE_OF_BIRTH;
        switch (type) {
            case NAME: case EMAIL: case PHONE: case POSTAL_ADDRESS: case POSTCODE: case PAYMENT_CARD: case IBAN:
            case DATE_OF_BIRTH: case IP_ADDRESS: case USERNAME: case NATIONAL_ID: case PASSPORT: case BANK_ACCOUNT:
            case DEVICE_ID:
                break;
            default:
                throw new AnonymizationException(where, "FAKE has no generator for " + type
                        + "; use SUPPRESS, REDACT or PSEUDONYMIZE");
        }
        if (dates) {
            requireKnown(where, Operator.FAKE, element, String.class, LocalDate.class);
        } else {
            requireKnown(where, Operator.FAKE, element, String.class);
        }
        return (value, subject) -> {
            if (value instanceof String) {
                return fake(type, (String) value);
            }
            if (dates && value instanceof LocalDate) {
                return fakeDate((LocalDate) value);
            }
            throw unsupported(where, Operator.FAKE, value.getClass(), dates ? "text, LocalDate" : "text");
        };
    }

    String fake(PersonalDataType type, String original) {
        if (original.isEmpty()) {
            return original;
        }
        String key = normalize(type, original);
        if (type == PersonalDataType.DATE_OF_BIRTH) {
            return fakeDate(key).toString();
        }
        KeyedHash hash = key(type);
        for (int attempt = 0; ; attempt++) {
            KeyedHash.Draws d = hash.draws(key + "\u0000" + attempt);
            String fake;
            switch (type) {
                case NAME:
                    fake = Fakes.name(d, original);
                    break;
                case EMAIL:
                    fake = Fakes.email(d);
                    break;
                case PHONE:
                    fake = Fakes.phone(d, original);
                    break;
                case POSTAL_ADDRESS:
                    fake = Fakes.postalAddress(d, original);
                    break;
                case PAYMENT_CARD:
                    fake = Fakes.paymentCard(d, original);
                    break;
                case IBAN:
                    fake = Fakes.iban(d, original);
                    break;
                case IP_ADDRESS:
                    fake = Fakes.ipAddress(d, original);
                    break;
                case USERNAME:
                    fake = Fakes.username(d);
                    break;
                case NATIONAL_ID:
                    fake = Fakes.nationalId(d, original);
                    break;
                default:
                    fake = Fakes.sameShape(d, original);
                    break;
            }
            if (!normalize(type, fake).equals(key) || attempt == 16) {
                return fake;
            }
        }
    }

    private LocalDate fakeDate(LocalDate original) {
        return fakeDate(original.toString());
    }

    private LocalDate fakeDate(String key) {
        KeyedHash hash = key(PersonalDataType.DATE_OF_BIRTH);
        for (int attempt = 0; ; attempt++) {
            LocalDate fake = Fakes.dateOfBirth(hash.draws(key + "\u0000" + attempt));
            if (!fake.toString().equals(key) || attempt == 16) {
                return fake;
            }
        }
    }

    /** The form two spellings of one value share, so they get one fake. */
    static String normalize(PersonalDataType type, String value) {
        String trimmed = value.trim();
        switch (type) {
            case EMAIL: case USERNAME: case IP_ADDRESS:
                return trimmed.toLowerCase(Locale.ROOT);
            case PHONE: case PAYMENT_CARD:
                return Fakes.digitsOf(trimmed);
            case IBAN: case POSTCODE: case NATIONAL_ID: case PASSPORT:
                return trimmed.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
            case NAME: case POSTAL_ADDRESS:
                return collapseSpaces(trimmed).toLowerCase(Locale.ROOT);
            case DATE_OF_BIRTH:
                try {
                    return LocalDate.parse(trimmed).toString();
                } catch (DateTimeException e) {
                    return trimmed;
                }
            default:
                return trimmed;
        }
    }

    /** One space for each run of whitespace. */
    private static String collapseSpaces(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}

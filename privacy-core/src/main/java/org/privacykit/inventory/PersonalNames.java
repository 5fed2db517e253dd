package org.privacykit.inventory;

import java.net.InetAddress;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.NullUnmarked;
import org.privacykit.annotation.PersonalDataType;

/**
 * Guesses, from a field's name and type, whether it holds personal data the class forgot to
 * classify. Names are split into words ({@code shippingAddress}, {@code date_of_birth}); short
 * tokens ({@code ssn}, {@code dob}, {@code ip}) must be whole words, longer ones may appear anywhere.
 */
@NullUnmarked // nullness to annotate: see NOTES.md
final class PersonalNames {
    /** A guess: a personal data type, or a secret (type {@code null}). */
    static final class Guess {
        final PersonalDataType type;

        Guess(PersonalDataType type) {
            this.type = type;
        }

        String label() {
            return type == null ? "a secret" : type.name();
        }
    }

    private static final class Rule {
        final PersonalDataType type;
        final String[] contains;
        final String[] words;
        final Kind kind;

        Rule(PersonalDataType type, Kind kind, String[] contains, String... words) {
            this.type = type;
            this.kind = kind;
            this.contains = contains;
            this.words = words;
        }
    }

    /** Which Java types a rule applies to. */
    private enum Kind { TEXT, TEXT_OR_NUMBER, TEXT_OR_DATE, TEXT_OR_ENUM }

    private static final List<Rule> RULES = new ArrayList<>();
    private static final String[] PERSON_CLASS_WORDS = {"customer", "user", "person", "employee", "patient",
        "member", "client", "contact", "subscriber", "student", "applicant", "profile", "guest", "passenger",
        "buyer", "seller", "recipient", "sender", "owner", "consumer", "citizen", "candidate", "tenant", "visitor"};

    static {
        rule(PersonalDataType.EMAIL, Kind.TEXT, new String[] {"email"}, "mail");
        rule(PersonalDataType.IP_ADDRESS, Kind.TEXT, new String[] {"ipaddress", "ipaddr", "remoteaddr", "clientip"},
                "ip", "ipv4", "ipv6");
        rule(PersonalDataType.DEVICE_ID, Kind.TEXT, new String[] {"macaddress", "deviceid", "imei", "advertisingid",
            "idfa", "cookieid"});
        rule(PersonalDataType.PHONE, Kind.TEXT_OR_NUMBER, new String[] {"phone", "mobile", "msisdn", "telephone",
            "cellnumber", "faxnumber"}, "tel", "fax");
        rule(PersonalDataType.NATIONAL_ID, Kind.TEXT_OR_NUMBER, new String[] {"socialsecurity", "nationalid",
            "nationalinsurance", "taxid", "taxnumber", "personalnumber", "driverslicen", "driverlicen"},
                "ssn", "nino", "nin", "tin", "sin", "bsn", "nif", "cpf");
        rule(PersonalDataType.PASSPORT, Kind.TEXT_OR_NUMBER, new String[] {"passport", "idcardnumber"});
        rule(PersonalDataType.PAYMENT_CARD, Kind.TEXT_OR_NUMBER, new String[] {"creditcard", "debitcard",
            "cardnumber", "cardno", "paymentcard"}, "pan");
        rule(PersonalDataType.IBAN, Kind.TEXT, new String[] {"iban"});
        rule(PersonalDataType.BANK_ACCOUNT, Kind.TEXT_OR_NUMBER, new String[] {"bankaccount", "accountnumber",
            "accountno", "sortcode", "routingnumber"});
        rule(PersonalDataType.DATE_OF_BIRTH, Kind.TEXT_OR_DATE, new String[] {"birthdate", "dateofbirth",
            "birthday", "birthyear"}, "dob", "born");
        rule(PersonalDataType.POSTCODE, Kind.TEXT, new String[] {"postcode", "postalcode", "zipcode"}, "zip", "plz");
        rule(PersonalDataType.POSTAL_ADDRESS, Kind.TEXT, new String[] {"address", "street", "addressline"});
        rule(PersonalDataType.NAME, Kind.TEXT, new String[] {"firstname", "lastname", "surname", "fullname",
            "givenname", "familyname", "middlename", "maidenname", "forename", "displayname", "nickname"});
        rule(PersonalDataType.USERNAME, Kind.TEXT, new String[] {"username", "userlogin", "loginname", "screenname"},
                "login");
        rule(PersonalDataType.GEOLOCATION, Kind.TEXT_OR_NUMBER, new String[] {"latitude", "longitude", "geolocation",
            "coordinates", "geopoint"}, "lat", "lng", "lon", "geo");
        rule(PersonalDataType.HEALTH, Kind.TEXT_OR_ENUM, new String[] {"diagnosis", "medical", "healthcondition",
            "healthrecord", "healthdata", "allerg", "prescription", "disability", "bloodtype", "symptom"});
        rule(PersonalDataType.BIOMETRIC, Kind.TEXT, new String[] {"biometric", "fingerprint", "faceprint",
            "faceembedding", "retina", "voiceprint"});
        rule(PersonalDataType.GENETIC, Kind.TEXT, new String[] {"genetic", "genome", "genotype"}, "dna");
        rule(PersonalDataType.ETHNIC_ORIGIN, Kind.TEXT_OR_ENUM, new String[] {"ethnic", "ethnicity"}, "race");
        rule(PersonalDataType.RELIGION, Kind.TEXT_OR_ENUM, new String[] {"religion", "religious", "faith"});
        rule(PersonalDataType.POLITICAL_OPINION, Kind.TEXT_OR_ENUM, new String[] {"political", "politics"});
        rule(PersonalDataType.TRADE_UNION, Kind.TEXT_OR_ENUM, new String[] {"tradeunion", "unionmember"});
        rule(PersonalDataType.SEX_LIFE, Kind.TEXT_OR_ENUM, new String[] {"sexualorientation", "sexlife"});
        rule(PersonalDataType.CRIMINAL_RECORD, Kind.TEXT_OR_ENUM, new String[] {"criminal", "conviction",
            "offence", "offense"});
        RULES.add(new Rule(null, Kind.TEXT, new String[] {"password", "passwd", "passphrase", "secret",
            "apikey", "privatekey", "accesstoken", "refreshtoken", "apitoken", "authtoken", "sessiontoken",
            "bearertoken", "resettoken", "sessionid", "credential"}, "pin", "cvv", "cvc", "otp"));
    }

    private PersonalNames() {
    }

    private static void rule(PersonalDataType type, Kind kind, String[] contains, String... words) {
        RULES.add(new Rule(type, kind, contains, words));
    }

    /** Returns the guess for a field, or {@code null} when it does not look personal. */
    static Guess guess(Class<?> owner, String fieldName, Class<?> elementType) {
        return guess(owner.getSimpleName(), fieldName, elementType);
    }

    /**
     * Returns the guess for a named value of a container (a field of a class, a column of a table),
     * or {@code null} when it does not look personal.
     */
    static Guess guess(String ownerName, String fieldName, Class<?> elementType) {
        if (InetAddress.class.isAssignableFrom(elementType)) {
            return new Guess(PersonalDataType.IP_ADDRESS);
        }
        if (elementType == boolean.class || elementType == Boolean.class) {
            return null;
        }
        List<String> words = words(fieldName);
        String compact = String.join("", words);
        for (Rule rule : RULES) {
            if (!applies(rule.kind, elementType)) {
                continue;
            }
            boolean hit = false;
            for (String token : rule.contains) {
                if (compact.contains(token)) {
                    hit = true;
                    break;
                }
            }
            if (!hit) {
                for (String word : rule.words) {
                    if (words.contains(word)) {
                        hit = true;
                        break;
                    }
                }
            }
            if (hit) {
                return new Guess(rule.type);
            }
        }
        if (words.size() == 1 && words.get(0).equals("name") && applies(Kind.TEXT, elementType)
                && isPersonClass(ownerName)) {
            return new Guess(PersonalDataType.NAME);
        }
        return null;
    }

    private static boolean isPersonClass(String owner) {
        String name = owner.toLowerCase(Locale.ROOT);
        for (String word : PERSON_CLASS_WORDS) {
            if (name.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean applies(Kind kind, Class<?> type) {
        boolean text = CharSequence.class.isAssignableFrom(type) || type == char[].class || type == byte[].class
                || type == Object.class;
        switch (kind) {
            case TEXT:
                return text;
            case TEXT_OR_NUMBER:
                return text || type == long.class || type == int.class || type == double.class
                        || Number.class.isAssignableFrom(type);
            case TEXT_OR_DATE:
                return text || TemporalAccessor.class.isAssignableFrom(type) || Date.class.isAssignableFrom(type);
            default:
                return text || type.isEnum();
        }
    }

    /** Splits camelCase, snake_case and kebab-case into lower-case words. */
    static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(word, words);
                continue;
            }
            boolean boundary = Character.isUpperCase(c) && word.length() > 0
                    && (Character.isLowerCase(name.charAt(i - 1))
                    || (i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1))));
            if (boundary) {
                flush(word, words);
            }
            word.append(Character.toLowerCase(c));
        }
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }
}

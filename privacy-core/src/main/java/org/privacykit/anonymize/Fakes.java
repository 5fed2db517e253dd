package org.privacykit.anonymize;

import java.time.LocalDate;
import java.util.Locale;

import org.privacykit.detect.Checksums;

/**
 * Realistic fake values, drawn from keyed numbers ({@link KeyedHash.Draws}) and small built-in
 * dictionaries; nothing is looked up on a network. Every value is in a range reserved for examples
 * where one exists: e-mail domains of RFC 2606, phone numbers of Ofcom's and NANPA's drama ranges,
 * IP addresses of RFC 5737 and RFC 3849, payment cards under issuers' published test prefixes,
 * SSNs in the never-issued 9xx area, NINOs with the never-issued QQ prefix.
 */
final class Fakes {
    private Fakes() {
    }

    static final String[] FIRST_NAMES = {"Amara", "Bruno", "Chen", "Dalia", "Emil", "Farah", "Gustav", "Hana", "Ivan",
        "Jasmin", "Kofi", "Leila", "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Sami", "Tanvi", "Ugo",
        "Vera", "Wanjiru", "Xavier", "Yara", "Zeno", "Aiko", "Bjorn", "Camila", "Dmitri", "Elif", "Femi", "Greta",
        "Hugo", "Ines", "Jonas", "Keiko", "Lars", "Mira", "Nico", "Olga", "Pavel", "Rania", "Soren", "Talia", "Uma",
        "Viktor", "Wren", "Yusuf", "Zofia", "Anouk", "Basil", "Clara", "Diego", "Esther", "Felix", "Gita", "Henrik",
        "Ida", "Joaquin", "Kalani", "Lucia", "Marek", "Noor", "Otto", "Paloma", "Rafael", "Sunita", "Tomas", "Vida"};
    static final String[] LAST_NAMES = {"Abara", "Bergstrom", "Castellano", "Dubois", "Eriksen", "Fontaine", "Garibaldi",
        "Halvorsen", "Ishikawa", "Jovanovic", "Kowalczyk", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov",
        "Quispe", "Rasmussen", "Santoro", "Takahashi", "Urquhart", "Vasquez", "Whitfield", "Xu", "Yilmaz", "Zielinski",
        "Achterberg", "Bianchi", "Carvalho", "Dimitriou", "Esposito", "Fischer", "Gonzaga", "Hoffmann", "Iglesias",
        "Jensen", "Kaminski", "Laurent", "Mendes", "Novak", "Oyelaran", "Papadopoulos", "Renard", "Schultz",
        "Tanaka", "Underwood", "Valdez", "Wagner", "Yamamoto", "Zamora", "Adeyemi", "Brennan", "Cordova", "Delacroix",
        "Ekstrom", "Fairweather", "Gallagher", "Hashemi", "Ivanova", "Kuznetsov", "Lombardi", "Marchetti",
        "Nyberg", "Ortega", "Pellegrini", "Rinaldi", "Sorensen", "Tremblay", "Vogel", "Westbrook"};
    private static final String[] STREETS = {"Acacia", "Beech", "Cedar", "Dockside", "Elm", "Fernhill", "Granary",
        "Harbour", "Ivy", "Juniper", "Kingfisher", "Larch", "Millbrook", "Northgate", "Orchard", "Primrose",
        "Quarry", "Riverside", "Sycamore", "Thornbury", "Upland", "Valley", "Willow", "Yew", "Alder", "Bramble",
        "Chestnut", "Damson", "Foxglove", "Heather", "Lavender", "Meadow", "Poplar", "Rowan", "Saffron", "Tansy"};
    private static final String[] STREET_KINDS = {"Street", "Road", "Lane", "Avenue", "Close", "Way", "Gardens",
        "Terrace", "Crescent", "Drive"};
    private static final String[] TOWNS = {"Ashford", "Brookhaven", "Carrow", "Dunmere", "Eastwick", "Fairhaven",
        "Glenmoor", "Hollowell", "Ironbridge", "Kestrel Bay", "Longmere", "Marston", "Northfield", "Oakridge",
        "Pemberton", "Queensbury", "Redcliff", "Stonebridge", "Thornfield", "Upwood", "Westmarsh", "Yarrow"};
    private static final String[] ADJECTIVES = {"amber", "brisk", "calm", "daring", "eager", "fuzzy", "gentle",
        "hazy", "icy", "jolly", "keen", "lucky", "mellow", "nimble", "odd", "proud", "quiet", "rapid", "sunny",
        "tidy", "urban", "vivid", "witty", "young", "zesty", "bold", "clever", "dusty", "frosty", "grand"};
    private static final String[] ANIMALS = {"otter", "falcon", "badger", "heron", "lynx", "marten", "newt", "ocelot",
        "puffin", "quail", "raven", "stoat", "tapir", "urchin", "vole", "walrus", "yak", "zebra", "bison", "crane",
        "dingo", "egret", "ferret", "gecko", "ibis", "jackal", "koala", "lemur", "moose", "narwhal"};
    private static final String[] EMAIL_DOMAINS = {"example.com", "example.org", "example.net"};

    /** UK drama numbers (Ofcom): ten landline ranges and the mobile range, each with 1000 numbers. */
    private static final String[][] UK_LANDLINES = {{"20", "7946 0"}, {"113", "496 0"}, {"114", "496 0"},
        {"115", "496 0"}, {"116", "496 0"}, {"117", "496 0"}, {"118", "496 0"}, {"121", "496 0"}, {"131", "496 0"},
        {"141", "496 0"}, {"151", "496 0"}, {"161", "496 0"}};
    /** NANP area codes of large cities; 555-0100 to 555-0199 is fictional in every one of them. */
    private static final String[] US_AREA_CODES = {"201", "202", "206", "212", "213", "214", "303", "305", "312", "404",
        "415", "503", "512", "602", "617", "702", "713", "718", "720", "808"};

    /** Issuers' published test prefixes, by scheme: Visa, Mastercard, Mastercard 2-series, Amex, Discover, JCB, Diners. */
    private static final String[] VISA_TEST = {"400000", "424242", "411111"};
    private static final String[] MASTERCARD_TEST = {"555555", "510510"};
    private static final String[] MASTERCARD_2_TEST = {"222300", "223000"};
    private static final String[] AMEX_TEST = {"378282", "371449"};
    private static final String[] DISCOVER_TEST = {"601111", "601100"};
    private static final String[] JCB_TEST = {"353011", "356600"};
    private static final String[] DINERS_TEST = {"305693", "385200"};

    /** BBAN layouts (n digits, a upper-case letters, c letters or digits) of common IBAN countries. */
    private static final String[][] BBAN = {{"DE", "18n"}, {"GB", "4a14n"}, {"FR", "10n11c2n"}, {"NL", "4a10n"},
        {"ES", "20n"}, {"IT", "1a10n12c"}, {"BE", "12n"}, {"CH", "5n12c"}, {"AT", "16n"}, {"IE", "4a14n"},
        {"PT", "21n"}, {"PL", "24n"}, {"SE", "20n"}, {"DK", "14n"}, {"FI", "14n"}, {"NO", "11n"}, {"LU", "3n13c"}};

    static String name(KeyedHash.Draws d, String original) {
        int words = countWords(original);
        String first = d.pick(FIRST_NAMES);
        String name = words <= 1 ? first : first + " " + d.pick(LAST_NAMES);
        return isUpperCase(original) ? name.toUpperCase(Locale.ROOT) : name;
    }

    static String email(KeyedHash.Draws d) {
        String local = d.pick(FIRST_NAMES).toLowerCase(Locale.ROOT) + "." + d.pick(LAST_NAMES).toLowerCase(Locale.ROOT);
        int n = d.nextInt(100);
        return local + n + "@" + d.pick(EMAIL_DOMAINS);
    }

    static String username(KeyedHash.Draws d) {
        return d.pick(ADJECTIVES) + "_" + d.pick(ANIMALS) + (10 + d.nextInt(990));
    }

    static String phone(KeyedHash.Draws d, String original) {
        String digits = digitsOf(original);
        String trimmed = original.trim();
        boolean international = trimmed.startsWith("+") || digits.startsWith("00");
        String national = international ? digits.substring(trimmed.startsWith("+") ? 0 : 2) : digits;
        String last3 = "" + d.digit() + d.digit() + d.digit();
        if ((international && national.startsWith("1")) || (!international && digits.length() == 10
                && digits.charAt(0) >= '2')) {
            String area = d.pick(US_AREA_CODES);
            String line = "555-01" + d.digit() + d.digit();
            return international ? "+1 " + area + " " + line.replace('-', ' ') : "(" + area + ") " + line;
        }
        boolean mobile = international ? national.startsWith("447") || !national.startsWith("44")
                : digits.startsWith("07");
        if (mobile) {
            return international ? "+44 7700 900" + last3 : "07700 900" + last3;
        }
        String[] range = d.pick(UK_LANDLINES);
        return international ? "+44 " + range[0] + " " + range[1] + last3 : "0" + range[0] + " " + range[1] + last3;
    }

    static String postalAddress(KeyedHash.Draws d, String original) {
        String street = (1 + d.nextInt(240)) + " " + d.pick(STREETS) + " " + d.pick(STREET_KINDS);
        return original.indexOf(',') >= 0 || original.indexOf('\n') >= 0 ? street + ", " + d.pick(TOWNS) : street;
    }

    /** Replaces each letter by a letter and each digit by a digit, keeping case, separators and length. */
    static String sameShape(KeyedHash.Draws d, String original) {
        StringBuilder out = new StringBuilder(original.length());
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(d.digit());
            } else if (c >= 'A' && c <= 'Z') {
                out.append(d.letter());
            } else if (c >= 'a' && c <= 'z') {
                out.append(Character.toLowerCase(d.letter()));
            } else if (Character.isLetterOrDigit(c)) {
                out.append(Character.isDigit(c) ? d.digit() : d.letter());
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String paymentCard(KeyedHash.Draws d, String original) {
        String digits = digitsOf(original);
        String[] prefixes;
        int length;
        if (digits.startsWith("34") || digits.startsWith("37")) {
            prefixes = AMEX_TEST;
            length = 15;
        } else if (digits.startsWith("5")) {
            prefixes = MASTERCARD_TEST;
            length = 16;
        } else if (digits.startsWith("2")) {
            prefixes = MASTERCARD_2_TEST;
            length = 16;
        } else if (digits.startsWith("35")) {
            prefixes = JCB_TEST;
            length = 16;
        } else if (digits.startsWith("30") || digits.startsWith("36") || digits.startsWith("38")) {
            prefixes = DINERS_TEST;
            length = digits.length() == 14 ? 14 : 16;
        } else if (digits.startsWith("6")) {
            prefixes = DISCOVER_TEST;
            length = 16;
        } else {
            prefixes = VISA_TEST;
            length = digits.length() == 13 || digits.length() == 19 ? digits.length() : 16;
        }
        StringBuilder pan = new StringBuilder(d.pick(prefixes));
        while (pan.length() < length - 1) {
            pan.append(d.digit());
        }
        pan.append(Checksums.luhnCheckDigit(pan));
        return layoutLike(original, digits.length(), pan.toString());
    }

    static String iban(KeyedHash.Draws d, String original) {
        String compact = original.replace(" ", "").toUpperCase(Locale.ROOT);
        String country = "DE";
        String layout = BBAN[0][1];
        if (compact.length() >= 2) {
            for (String[] entry : BBAN) {
                if (compact.startsWith(entry[0])) {
                    country = entry[0];
                    layout = entry[1];
                    break;
                }
            }
        }
        StringBuilder bban = new StringBuilder();
        int count = 0;
        for (int i = 0; i < layout.length(); i++) {
            char c = layout.charAt(i);
            if (c >= '0' && c <= '9') {
                count = count * 10 + (c - '0');
                continue;
            }
            for (int k = 0; k < count; k++) {
                if (c == 'n') {
                    bban.append(d.digit());
                } else if (c == 'a') {
                    bban.append(d.letter());
                } else {
                    bban.append(d.nextInt(3) == 0 ? d.letter() : d.digit());
                }
            }
            count = 0;
        }
        String iban = country + Checksums.ibanCheckDigits(country, bban.toString()) + bban;
        if (original.indexOf(' ') < 0) {
            return iban;
        }
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < iban.length(); i += 4) {
            if (i > 0) {
                grouped.append(' ');
            }
            grouped.append(iban, i, Math.min(i + 4, iban.length()));
        }
        return grouped.toString();
    }

    /** A date of birth from 1940-01-01 to 2005-12-31. */
    static LocalDate dateOfBirth(KeyedHash.Draws d) {
        long from = LocalDate.of(1940, 1, 1).toEpochDay();
        long to = LocalDate.of(2005, 12, 31).toEpochDay();
        return LocalDate.ofEpochDay(from + d.nextInt((int) (to - from + 1)));
    }

    static String ipAddress(KeyedHash.Draws d, String original) {
        if (original.indexOf(':') >= 0) {
            StringBuilder out = new StringBuilder("2001:db8");
            for (int i = 0; i < 6; i++) {
                out.append(':').append(Integer.toHexString(d.nextInt(65536)));
            }
            return out.toString();
        }
        String[] networks = {"192.0.2.", "198.51.100.", "203.0.113."};
        return d.pick(networks) + (1 + d.nextInt(254));
    }

    static String nationalId(KeyedHash.Draws d, String original) {
        String compact = original.replace(" ", "").replace("-", "");
        if (compact.length() == 9 && compact.chars().allMatch(c -> c >= '0' && c <= '9')) {
            String ssn = "9" + d.digit() + d.digit() + (1 + d.nextInt(9)) + d.digit() + (1 + d.nextInt(9))
                    + d.digit() + d.digit() + d.digit();
            return layoutLike(original, 9, ssn);
        }
        if (compact.length() == 9 && Character.isLetter(compact.charAt(0)) && Character.isLetter(compact.charAt(1))) {
            StringBuilder nino = new StringBuilder("QQ");
            for (int i = 0; i < 6; i++) {
                nino.append(d.digit());
            }
            nino.append((char) ('A' + d.nextInt(4)));
            return original.indexOf(' ') >= 0
                    ? nino.substring(0, 2) + " " + nino.substring(2, 4) + " " + nino.substring(4, 6) + " "
                            + nino.substring(6, 8) + " " + nino.charAt(8)
                    : nino.toString();
        }
        return sameShape(d, original);
    }

    /** Places the digits of {@code fake} where the original had digits, when both have as many. */
    private static String layoutLike(String original, int originalDigits, String fake) {
        if (originalDigits != fake.length()) {
            return fake;
        }
        StringBuilder out = new StringBuilder(original.length());
        int next = 0;
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            out.append(c >= '0' && c <= '9' ? fake.charAt(next++) : c);
        }
        return out.toString().trim();
    }

    static String digitsOf(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int countWords(String value) {
        int words = 0;
        boolean in = false;
        for (int i = 0; i < value.length(); i++) {
            boolean space = Character.isWhitespace(value.charAt(i));
            if (!space && !in) {
                words++;
            }
            in = !space;
        }
        return words;
    }

    private static boolean isUpperCase(String value) {
        boolean letters = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letters |= Character.isUpperCase(c);
        }
        return letters && value.length() > 1;
    }
}

package org.privacykit.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.privacykit.annotation.PersonalDataType;

/**
 * A generated, labeled corpus of log lines for measuring the detector: values of every type in each
 * form the detector claims, in the contexts log lines put them in, among hard negatives of every
 * class that looks like personal data (timestamps, order numbers, versions, UUIDs, hashes, dates,
 * prices, MAC addresses, ISBNs, code scopes, Luhn-invalid or issuer-less numbers, ids that start
 * like a UATP card, hex ids shaped like a NINO or DNI). Deterministic for a seed.
 *
 * @param text the lines
 * @param labels the personal values in them, in order
 * @param lookAlikes the hard negatives in them, in order
 */
record LabeledCorpus(String text, List<Label> labels, List<Label> lookAlikes) {

    /**
     * One labeled stretch of the text.
     *
     * @param type the personal data type, or {@code null} for a look-alike
     * @param form the format variant or look-alike class, such as {@code "ipv6 zone"}
     * @param start its first index
     * @param end the index after it
     */
    record Label(PersonalDataType type, String form, int start, int end) {
    }

    /**
     * Generates a corpus.
     *
     * @param seed the seed
     * @param lines how many lines
     * @param outOfScope whether 8% of the values are written in forms the detector does not claim
     *        (an obfuscated e-mail, a plain national phone number or a UATP card without a context
     *        word, odd card grouping, zero-padded IPv4, a bare SSN, a NINO without its suffix or in
     *        small hex letters, a passport number without the word) and 8% of the negatives are
     *        look-alikes only outside knowledge tells apart (four-part versions, Luhn-valid tracking
     *        numbers with a Visa prefix, invoice numbers grouped like phone numbers, part numbers
     *        shaped like SSNs)
     */
    static LabeledCorpus generate(long seed, int lines, boolean outOfScope) {
        Generator g = new Generator(seed, outOfScope);
        for (int i = 0; i < lines; i++) {
            g.line();
        }
        return new LabeledCorpus(g.out.toString(), List.copyOf(g.labels), List.copyOf(g.lookAlikes));
    }

    /** Writes lines with labeled values. */
    private static final class Generator {
        private static final String[] FIRST = {"ada", "alan", "grace", "linus", "margaret", "dennis", "barbara", "ken",
            "frances", "john", "radia", "tim", "sophie", "katherine", "edsger", "niklaus", "hedy", "claude"};
        private static final String[] LAST = {"lovelace", "turing", "hopper", "torvalds", "hamilton", "ritchie",
            "liskov", "thompson", "allen", "mccarthy", "perlman", "berners-lee", "wilson", "johnson", "dijkstra"};
        private static final String[] DOMAINS = {"example.com", "mail.example.org", "company.co.uk", "uni-bonn.de",
            "startup.io", "EXAMPLE.NET", "post.fr"};
        private static final String[] IDN_LOCAL = {"zoë", "jürgen", "françois", "søren", "łukasz", "ñandú", "josé",
            "иван", "δοκιμή", "用户", "उपयोगकर्ता"};
        private static final String[] IDN_DOMAINS = {"exämple.de", "bücher.de", "пример.рф", "παράδειγμα.δοκιμή",
            "例子.广告", "उदाहरण.परीक्षा", "example.xn--p1ai", "xn--80akhbyknj4f.xn--p1ai", "correo.es"};
        private static final String[] LEVELS = {"INFO", "WARN", "DEBUG", "ERROR"};
        private static final String[] SERVICES = {"checkout", "auth", "billing", "support", "shipping", "search"};
        /** Card schemes (prefix, length), the less common ones included. */
        private static final String[][] CARDS = {{"4", "16"}, {"4", "13"}, {"4", "19"}, {"51", "16"}, {"55", "16"},
            {"2221", "16"}, {"2720", "16"}, {"34", "15"}, {"37", "15"}, {"6011", "16"}, {"65", "16"}, {"3528", "16"},
            {"3589", "19"}, {"36", "14"}, {"62", "16"}, {"62", "19"}, {"5019", "16"}, {"2200", "16"}, {"9792", "16"},
            {"8600", "16"}, {"9860", "16"}, {"5018", "13"}, {"6759", "19"}, {"606282", "19"}, {"31", "19"},
            {"637", "16"}, {"507865", "18"}, {"2205", "16"}, {"9704", "19"}};
        /** NINO prefix letters HMRC allocates (first, second); the small-letter ones are not hex digits. */
        private static final String NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ";
        private static final String NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ";
        private static final String NOT_HEX_FIRST = "ghjklmnoprstwxyz";

        private final StringBuilder out = new StringBuilder();
        private final List<Label> labels = new ArrayList<>();
        private final List<Label> lookAlikes = new ArrayList<>();
        private final SplittableRandom random;
        private final boolean outOfScope;

        private Generator(long seed, boolean outOfScope) {
            this.random = new SplittableRandom(seed);
            this.outOfScope = outOfScope;
        }

        private int r(int bound) {
            return random.nextInt(bound);
        }

        private boolean coin() {
            return r(2) == 0;
        }

        private String digits(int count) {
            StringBuilder s = new StringBuilder(count);
            for (int i = 0; i < count; i++) {
                s.append((char) ('0' + r(10)));
            }
            return s.toString();
        }

        private String hex(int count) {
            StringBuilder s = new StringBuilder(count);
            for (int i = 0; i < count; i++) {
                s.append("0123456789abcdef".charAt(r(16)));
            }
            return s.toString();
        }

        private String letters(int count) {
            StringBuilder s = new StringBuilder(count);
            for (int i = 0; i < count; i++) {
                s.append((char) ('A' + r(26)));
            }
            return s.toString();
        }

        @SafeVarargs
        private <T> T pick(T... values) {
            return values[r(values.length)];
        }

        private void text(String s) {
            out.append(s);
        }

        private void value(PersonalDataType type, String form, String s) {
            labels.add(new Label(type, form, out.length(), out.length() + s.length()));
            out.append(s);
        }

        private void lookAlike(String kind, String s) {
            lookAlikes.add(new Label(null, kind, out.length(), out.length() + s.length()));
            out.append(s);
        }

        private void line() {
            text("2026-11-" + (10 + r(18)) + "T" + (10 + r(13)) + ":" + (10 + r(49)) + ":" + (10 + r(49)) + "."
                    + digits(3) + "Z " + pick(LEVELS) + " [" + pick(SERVICES) + "-" + r(8) + "] req=" + uuid() + " ");
            int slots = 1 + r(3);
            for (int s = 0; s < slots; s++) {
                if (r(10) < 6) {
                    if (outOfScope && r(100) < 8) {
                        outOfScopeValue();
                    } else {
                        positive();
                    }
                } else if (outOfScope && r(100) < 8) {
                    ambiguousNegative();
                } else {
                    negative();
                }
                text(coin() ? ", " : " ; ");
            }
            text("took " + r(2000) + " ms\n");
        }

        // ------------------------------------------------------------------ positives

        private void positive() {
            switch (r(7)) {
                case 0 -> email();
                case 1 -> {
                    text(pick("phone ", "call back on ", "contact: ", "tel ", "msisdn="));
                    value(PersonalDataType.PHONE, "phone", phone());
                }
                case 2 -> card();
                case 3 -> iban();
                case 4 -> ip();
                case 5 -> nationalId();
                default -> {
                    text(pick("passport ", "Passport no. ", "passport number "));
                    value(PersonalDataType.PASSPORT, "passport", coin() ? digits(9) : letters(1) + digits(7));
                }
            }
        }

        private void email() {
            String local = switch (r(4)) {
                case 0 -> pick(FIRST) + "." + pick(LAST);
                case 1 -> pick(FIRST) + "_" + pick(LAST) + r(100);
                case 2 -> pick(FIRST).charAt(0) + pick(LAST) + "+shop";
                default -> pick(FIRST).toUpperCase(Locale.ROOT) + r(1000);
            };
            switch (r(6)) {
                case 0 -> {
                    text("customer email ");
                    value(PersonalDataType.EMAIL, "email", local + "@" + pick(DOMAINS));
                }
                case 1 -> {
                    text("from: <");
                    value(PersonalDataType.EMAIL, "email", local + "@" + pick(DOMAINS));
                    text(">");
                }
                case 2 -> {
                    text("mailto:");
                    value(PersonalDataType.EMAIL, "email", local + "@" + pick(DOMAINS));
                }
                case 3 -> {
                    text("user=");
                    value(PersonalDataType.EMAIL, "email internationalized", pick(IDN_LOCAL) + "@" + pick(IDN_DOMAINS));
                }
                case 4 -> {
                    text("reply to ");
                    value(PersonalDataType.EMAIL, "email internationalized", local + "@" + pick(IDN_DOMAINS));
                }
                default -> {
                    text(pick("请联系", "メールは", "ติดต่อ"));
                    value(PersonalDataType.EMAIL, "email in text without spaces", local + "@" + pick(DOMAINS));
                    text(pick("谢谢", "まで", "ครับ"));
                }
            }
        }

        private String phone() {
            return switch (r(9)) {
                case 0 -> "+44 20 7946 0" + digits(3);
                case 1 -> "+44 7700 900" + digits(3);
                case 2 -> "+1 (" + (2 + r(8)) + digits(1).replace('9', '1') + digits(1) + ") 555-01" + digits(2);
                case 3 -> "(" + (2 + r(8)) + r(9) + r(10) + ") " + (2 + r(8)) + digits(2) + "-" + digits(4);
                case 4 -> (2 + r(8)) + "" + r(9) + r(10) + "-" + (2 + r(8)) + digits(2) + "-" + digits(4);
                case 5 -> "+49 30 " + digits(7);
                case 6 -> "+33 6 " + digits(2) + " " + digits(2) + " " + digits(2) + " " + digits(2);
                case 7 -> "020 7946 0" + digits(3);
                default -> "07700 900" + digits(3);
            };
        }

        private String luhnNumber(String prefix, int length) {
            String body = prefix + digits(length - 1 - prefix.length());
            return body + Checksums.luhnCheckDigit(body);
        }

        private void card() {
            if (r(5) == 0) {
                String uatp = luhnNumber("1", 15);
                if (coin()) {
                    text(pick("UATP card ", "airplus card ", "paid with card "));
                    value(PersonalDataType.PAYMENT_CARD, "card uatp named", uatp);
                } else {
                    text("card ");
                    value(PersonalDataType.PAYMENT_CARD, "card uatp grouped",
                            uatp.substring(0, 4) + " " + uatp.substring(4, 9) + " " + uatp.substring(9));
                }
                return;
            }
            String[] scheme = pick(CARDS);
            int length = Integer.parseInt(scheme[1]);
            String pan = luhnNumber(scheme[0], length);
            text(pick("card ", "paid with ", "pan=", "charged ", "visa "));
            if (length == 16 && coin()) {
                String sep = coin() ? " " : "-";
                value(PersonalDataType.PAYMENT_CARD, "card grouped", pan.substring(0, 4) + sep + pan.substring(4, 8) + sep
                        + pan.substring(8, 12) + sep + pan.substring(12));
            } else if (length == 15 && coin()) {
                value(PersonalDataType.PAYMENT_CARD, "card grouped",
                        pan.substring(0, 4) + " " + pan.substring(4, 10) + " " + pan.substring(10));
            } else if (length == 19 && coin()) {
                value(PersonalDataType.PAYMENT_CARD, "card grouped", pan.substring(0, 4) + " " + pan.substring(4, 8) + " "
                        + pan.substring(8, 12) + " " + pan.substring(12, 16) + " " + pan.substring(16));
            } else {
                value(PersonalDataType.PAYMENT_CARD, "card plain", pan);
            }
        }

        private String compactIban() {
            String country = pick("DE", "GB", "FR", "NL", "ES", "IT");
            String bban = switch (country) {
                case "DE" -> digits(18);
                case "GB" -> letters(4) + digits(14);
                case "FR" -> digits(10) + letters(1) + digits(12);
                case "NL" -> letters(4) + digits(10);
                case "ES" -> digits(20);
                default -> letters(1) + digits(22);
            };
            return country + Checksums.ibanCheckDigits(country, bban) + bban;
        }

        private static String grouped(String iban, char separator) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < iban.length(); i += 4) {
                if (i > 0) {
                    s.append(separator);
                }
                s.append(iban, i, Math.min(i + 4, iban.length()));
            }
            return s.toString();
        }

        private void iban() {
            String iban = compactIban();
            text(pick("iban ", "refund to ", "account=", "IBAN: "));
            switch (r(5)) {
                case 0 -> value(PersonalDataType.IBAN, "iban compact", iban);
                case 1 -> value(PersonalDataType.IBAN, "iban spaces", grouped(iban, ' '));
                case 2 -> value(PersonalDataType.IBAN, "iban dashes", grouped(iban, '-'));
                case 3 -> value(PersonalDataType.IBAN, "iban small letters", iban.toLowerCase(Locale.ROOT));
                default -> value(PersonalDataType.IBAN, "iban small letters spaces", grouped(iban.toLowerCase(Locale.ROOT), ' '));
            }
        }

        private String ipv4() {
            int first = 1 + r(223);
            return (first == 127 ? 128 : first) + "." + r(256) + "." + r(256) + "." + r(256);
        }

        private String hexGroup() {
            return Integer.toHexString(r(65536));
        }

        private void ip() {
            text(pick("client ip ", "from ", "remote_addr=", "x-forwarded-for: ", "peer "));
            switch (r(13)) {
                case 0 -> value(PersonalDataType.IP_ADDRESS, "ipv4", ipv4());
                case 1 -> {
                    value(PersonalDataType.IP_ADDRESS, "ipv4 port", ipv4());
                    text(":" + (1024 + r(60000)));
                }
                case 2 -> {
                    text(pick("(", "[", "connect("));
                    value(PersonalDataType.IP_ADDRESS, "ipv4 delimited", ipv4());
                    text(pick(")", "]", "):443"));
                }
                case 3 -> {
                    value(PersonalDataType.IP_ADDRESS, "ipv4 interface", ipv4());
                    text("@" + pick("eth", "en", "wlan") + r(4));
                }
                case 4 -> {
                    value(PersonalDataType.IP_ADDRESS, "ipv4 network", ipv4());
                    text("/" + (8 + r(25)));
                }
                case 5 -> {
                    StringBuilder s = new StringBuilder("fe80");
                    for (int i = 0; i < 7; i++) {
                        s.append(':').append(hexGroup());
                    }
                    value(PersonalDataType.IP_ADDRESS, "ipv6 full", s.toString());
                }
                case 6 -> value(PersonalDataType.IP_ADDRESS, "ipv6 compressed",
                        "2001:db8:" + hexGroup() + "::" + Integer.toHexString(1 + r(65535)));
                case 7 -> value(PersonalDataType.IP_ADDRESS, "ipv6 short",
                        pick("fe80::", "fd00::", "ff02::", "2001::") + (1 + r(9)) + (coin() ? hex(r(4)) : ""));
                case 8 -> value(PersonalDataType.IP_ADDRESS, "ipv6 zone",
                        "fe80::" + (1 + r(9)) + hex(r(4)) + "%" + pick("eth", "en", "wlan") + r(4));
                case 9 -> {
                    value(PersonalDataType.IP_ADDRESS, "ipv6 network", "2001:" + Integer.toHexString(0x1000 + r(0xf000)) + "::");
                    text("/" + (16 + r(49)));
                }
                case 10 -> value(PersonalDataType.IP_ADDRESS, "ipv6 mapped ipv4", "::ffff:" + ipv4());
                case 11 -> {
                    text("[");
                    value(PersonalDataType.IP_ADDRESS, "ipv6 bracketed", "2001:db8::" + (1 + r(9)) + hex(r(4)));
                    text("]:" + (1024 + r(60000)));
                }
                default -> value(PersonalDataType.IP_ADDRESS, "ipv6 nat64", "64:ff9b::" + ipv4());
            }
        }

        private void nationalId() {
            switch (r(14)) {
                case 0 -> {
                    text("ssn ");
                    value(PersonalDataType.NATIONAL_ID, "ssn dashes", ssn("-"));
                }
                case 1 -> {
                    text("SSN: ");
                    value(PersonalDataType.NATIONAL_ID, "ssn named", ssn(""));
                }
                case 2 -> {
                    text("ssn ");
                    value(PersonalDataType.NATIONAL_ID, "ssn dots", ssn("."));
                }
                case 3 -> {
                    text("nino ");
                    value(PersonalDataType.NATIONAL_ID, "nino compact", nino(false, "", "", ""));
                }
                case 4 -> {
                    text("ni ");
                    value(PersonalDataType.NATIONAL_ID, "nino spaced", nino(false, " ", " ", " "));
                }
                case 5 -> {
                    text("customer ");
                    value(PersonalDataType.NATIONAL_ID, "nino six digits", nino(false, " ", "", pick("", " ")));
                }
                case 6 -> {
                    text("ni=");
                    value(PersonalDataType.NATIONAL_ID, "nino dashes", nino(false, "-", "-", "-"));
                }
                case 7 -> {
                    text("holder ");
                    value(PersonalDataType.NATIONAL_ID, "nino small letters", nino(true, "", "", ""));
                }
                case 13 -> {
                    text("nino ");
                    value(PersonalDataType.NATIONAL_ID, "nino small letters grouped, named", nino(true, " ", pick("", " "), " "));
                }
                case 8 -> {
                    text("dni ");
                    int number = random.nextInt(100_000_000);
                    String letter = String.valueOf(Checksums.dniLetter(number));
                    value(PersonalDataType.NATIONAL_ID, "dni", String.format("%08d", number) + pick("", "-")
                            + (coin() ? letter : letter.toLowerCase(Locale.ROOT)));
                }
                case 9 -> {
                    text("nie ");
                    int number = random.nextInt(10_000_000);
                    char first = "XYZ".charAt(r(3));
                    String nie = first + String.format("%07d", number)
                            + Checksums.dniLetter((first - 'X') * 10_000_000 + number);
                    value(PersonalDataType.NATIONAL_ID, "nie", coin() ? nie : nie.toLowerCase(Locale.ROOT));
                }
                case 10 -> {
                    text("SIN ");
                    String sin = luhnNumber(String.valueOf(1 + r(7)), 9);
                    value(PersonalDataType.NATIONAL_ID, "sin named", sin.substring(0, 3) + " " + sin.substring(3, 6) + " "
                            + sin.substring(6));
                }
                case 11 -> {
                    text("BSN ");
                    value(PersonalDataType.NATIONAL_ID, "bsn named", bsn());
                }
                default -> {
                    text("ssn ");
                    value(PersonalDataType.NATIONAL_ID, "ssn spaces", ssn(" "));
                }
            }
        }

        private String ssn(String sep) {
            int area;
            do {
                area = 1 + r(899);
            } while (area == 666);
            return String.format("%03d", area) + sep + String.format("%02d", 1 + r(99)) + sep
                    + String.format("%04d", 1 + r(9999));
        }

        private String nino(boolean small, String afterPrefix, String betweenPairs, String beforeSuffix) {
            String prefix;
            do {
                prefix = (small ? NOT_HEX_FIRST.toUpperCase(Locale.ROOT) : NINO_FIRST).charAt(r(small ? 16 : 20)) + ""
                        + NINO_SECOND.charAt(r(NINO_SECOND.length()));
            } while (List.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ").contains(prefix) || "DFIQUV".indexOf(prefix.charAt(0)) >= 0);
            String d = digits(6);
            String nino = prefix + afterPrefix + d.substring(0, 2) + betweenPairs + d.substring(2, 4) + betweenPairs
                    + d.substring(4) + beforeSuffix + "ABCD".charAt(r(4));
            return small ? nino.toLowerCase(Locale.ROOT) : nino;
        }

        private String bsn() {
            while (true) {
                String candidate = (1 + r(9)) + digits(8);
                if (Checksums.bsnValid(candidate)) {
                    return candidate;
                }
            }
        }

        /**
         * Values written in forms the detector does not claim to find; they count as false
         * negatives and keep the measured recall honest.
         */
        private void outOfScopeValue() {
            switch (r(9)) {
                case 0 -> {
                    text("write to ");
                    value(PersonalDataType.EMAIL, "email obfuscated", pick(FIRST) + " (at) example (dot) com");
                }
                case 1 -> {
                    text("ref ");
                    value(PersonalDataType.PHONE, "phone plain unnamed", "07700900" + digits(3));
                }
                case 2 -> {
                    String pan = luhnNumber("4", 16);
                    text("card ");
                    value(PersonalDataType.PAYMENT_CARD, "card odd grouping", pan.substring(0, 5) + " "
                            + pan.substring(5, 10) + " " + pan.substring(10));
                }
                case 3 -> {
                    text("user ");
                    value(PersonalDataType.PAYMENT_CARD, "card uatp unnamed", luhnNumber("1", 15));
                }
                case 4 -> {
                    text("from ");
                    value(PersonalDataType.IP_ADDRESS, "ipv4 zero-padded", "192.168.00" + r(10) + ".0" + (10 + r(90)));
                }
                case 5 -> {
                    text("member ");
                    value(PersonalDataType.NATIONAL_ID, "ssn bare", ssn(""));
                }
                case 6 -> {
                    text("holder ");
                    String nino = nino(false, "", "", "");
                    value(PersonalDataType.NATIONAL_ID, "nino without suffix", nino.substring(0, 8));
                }
                case 7 -> {
                    text("holder ");
                    value(PersonalDataType.NATIONAL_ID, "nino small hex letters unnamed",
                            pick("ab", "ce", "eb", "ca") + digits(6) + "abcd".charAt(r(4)));
                }
                default -> {
                    text("travel document ");
                    value(PersonalDataType.PASSPORT, "passport unnamed", coin() ? digits(9) : letters(1) + digits(7));
                }
            }
        }

        // ------------------------------------------------------------------ hard negatives

        private void negative() {
            switch (r(26)) {
                case 0 -> {
                    text("ts=");
                    lookAlike("epoch milliseconds", String.valueOf(1_600_000_000_000L + random.nextLong(300_000_000_000L)));
                }
                case 1 -> {
                    text(pick("epoch ", "us=", "ns="));
                    lookAlike("epoch seconds, micro- and nanoseconds", pick(String.valueOf(1_600_000_000 + r(300_000_000)),
                            String.valueOf(1_600_000_000_000_000L + random.nextLong(300_000_000_000_000L)),
                            String.valueOf(1_600_000_000_000_000_000L + random.nextLong(300_000_000_000_000_000L))));
                }
                case 2 -> {
                    text("order ");
                    lookAlike("order number", pick("ORD-2026-" + digits(6), "#" + (1 + r(9)) + digits(6),
                            (1 + r(9)) + digits(11), "INV-2026-" + (10 + r(3)) + "-" + digits(4)));
                }
                case 3 -> {
                    text("order ");
                    lookAlike("phone-like order id", pick("0" + (1 + r(9)) + digits(8), "0" + (1 + r(9)) + digits(9),
                            "1" + digits(2) + "-" + (2 + r(8)) + digits(2) + "-" + digits(4)));
                }
                case 4 -> {
                    String body = "4" + digits(14);
                    char check = Checksums.luhnCheckDigit(body);
                    text("ref ");
                    lookAlike("luhn-invalid card", body + (char) ('0' + (check - '0' + 1 + r(9)) % 10));
                }
                case 5 -> {
                    text("tracking ");
                    lookAlike("issuer-less number", pick("7" + digits(15), "1" + digits(15), "1" + digits(12)));
                }
                case 6 -> {
                    text("user ");
                    lookAlike("one-prefixed id", luhnNumber("1000", 15));
                }
                case 7 -> {
                    text("id ");
                    lookAlike("invalid ssn", pick("000", "666", "9" + digits(2)) + pick("-", ".") + digits(2)
                            + pick("-", ".") + digits(4));
                }
                case 8 -> {
                    text("date ");
                    lookAlike("date", pick((2000 + r(27)) + "-" + (10 + r(3)) + "-" + (10 + r(19)),
                            (10 + r(19)) + "/" + (10 + r(3)) + "/20" + (10 + r(17)), (10 + r(19)) + "." + (10 + r(3)) + ".2026",
                            "2026/" + (10 + r(3)) + "/" + (10 + r(19)), "Nov " + (10 + r(19)) + ", 2026"));
                }
                case 9 -> {
                    text("version ");
                    lookAlike("version", pick(r(10) + "." + r(30) + "." + r(100), "v" + r(10) + "." + r(30) + "." + r(100)
                            + "-rc." + r(9) + "+build." + r(999), "10.0." + (19000 + r(1000)) + "." + (1000 + r(9000))));
                }
                case 10 -> {
                    text(pick("sha=", "md5 ", "sha256 "));
                    lookAlike("hash", hex(pick(40, 32, 64)));
                }
                case 11 -> {
                    text(pick("commit ", "git ", "HEAD at "));
                    lookAlike("git sha", hex(7 + r(6)));
                }
                case 12 -> {
                    text("object ");
                    lookAlike("hex id shaped like a nino or dni", pick("ab", "ce", "eb", "ca") + digits(6) + "abcd".charAt(r(4)));
                }
                case 13 -> {
                    text("uuid ");
                    lookAlike("uuid", coin() ? uuid() : "{" + uuid().toUpperCase(Locale.ROOT) + "}");
                }
                case 14 -> {
                    text("isbn ");
                    lookAlike("isbn", pick("978-" + r(10) + "-" + digits(2) + "-" + digits(6) + "-" + r(10),
                            r(10) + "-" + digits(3) + "-" + digits(5) + "-" + r(10)));
                }
                case 15 -> {
                    text("mac ");
                    lookAlike("mac address", switch (r(3)) {
                        case 0 -> hex(2) + ":" + hex(2) + ":" + hex(2) + ":" + hex(2) + ":" + hex(2) + ":" + hex(2);
                        case 1 -> (hex(2) + "-" + hex(2) + "-" + hex(2) + "-" + hex(2) + "-" + hex(2) + "-" + hex(2))
                                .toUpperCase(Locale.ROOT);
                        default -> hex(4) + "." + hex(4) + "." + hex(4);
                    });
                }
                case 16 -> {
                    text("at ");
                    lookAlike("code scope", pick("std::vector<int>::push_back", "f64::MAX", "dead::beef", "a[1::2]",
                            "Foo::Bar", "x[10::20]"));
                }
                case 17 -> {
                    text("amount ");
                    lookAlike("price", pick("EUR " + r(10) + "." + digits(3) + "," + digits(2), "$" + r(100) + "," + digits(3)
                            + "." + digits(2), r(100) + " " + digits(3) + "," + digits(2) + " €", (1 + r(9)) + digits(7) + "." + digits(2)));
                }
                case 18 -> {
                    text("pid=");
                    lookAlike("ports and counts", r(65536) + " port " + (1024 + r(60000)) + " status " + (200 + r(300))
                            + " host localhost:" + (1024 + r(60000)));
                }
                case 19 -> {
                    String almost = "DE" + digits(2) + digits(18);
                    if (Checksums.ibanValid(almost)) {
                        almost = "DE" + (almost.charAt(2) == '9' ? '0' : (char) (almost.charAt(2) + 1)) + almost.substring(3);
                    }
                    text("iban ");
                    lookAlike("iban with a wrong check", almost);
                }
                case 20 -> {
                    text("net ");
                    lookAlike("netmask, loopback and unspecified", pick("255.255.255.0", "127.0.0.1", "::1", "0.0.0.0", "::"));
                }
                case 21 -> {
                    text("token ");
                    lookAlike("token", pick("0x" + hex(12), java.util.Base64.getEncoder()
                            .encodeToString(hex(18).getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
                }
                case 22 -> {
                    text("at ");
                    lookAlike("iso timestamp", "2026-11-" + (10 + r(18)) + pick("T", " ") + (10 + r(13)) + ":" + (10 + r(49))
                            + ":" + (10 + r(49)) + pick(".", ",") + digits(3));
                }
                case 24 -> {
                    text(pick("order ", "account ", "ref "));
                    lookAlike("zero-padded id", "00" + (1 + r(9)) + digits(7 + r(5)));
                }
                case 25 -> {
                    text(pick("HEAD ", "fixed ", "merged "));
                    lookAlike("short sha after a two-letter word", pick("at ", "in ", "to ") + digits(6) + "abcd".charAt(r(4)));
                }
                default -> lookAlike("handle and host", "user=@" + pick(FIRST) + " host " + pick(SERVICES) + ".internal:"
                        + (8000 + r(100)));
            }
        }

        /**
         * Numbers that have the form of personal data but are not, where only outside knowledge
         * tells them apart; they count as false positives and keep the measured precision honest.
         */
        private void ambiguousNegative() {
            switch (r(4)) {
                case 0 -> {
                    text("agent version ");
                    lookAlike("four-part version", (1 + r(9)) + "." + r(10) + "." + r(10) + "." + (1 + r(99)));
                }
                case 1 -> {
                    text("tracking ");
                    lookAlike("luhn-valid tracking number", luhnNumber("4", 16));
                }
                case 2 -> {
                    text("invoice ");
                    lookAlike("invoice grouped like a phone number", "0" + (1 + r(9)) + digits(2) + " " + digits(3) + " "
                            + digits(3));
                }
                default -> {
                    text("part ");
                    lookAlike("part number shaped like an ssn", ssn("-"));
                }
            }
        }

        private String uuid() {
            return hex(8) + "-" + hex(4) + "-4" + hex(3) + "-a" + hex(3) + "-" + hex(12);
        }
    }
}

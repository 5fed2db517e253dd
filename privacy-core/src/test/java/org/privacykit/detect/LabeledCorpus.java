package org.privacykit.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.privacykit.annotation.PersonalDataType;

/**
 * A generated, labeled corpus of log-like lines for measuring the detector: positives of every type
 * in their common formats, mixed with hard negatives that look like them (epoch-millisecond
 * timestamps, Luhn-invalid or issuer-less 16-digit numbers, invalid SSN ranges, dates, versions,
 * UUIDs, hashes, ISBNs, MAC addresses, C++ scopes, amounts). Deterministic for a seed.
 */
final class LabeledCorpus {
    /** One labeled value in the text. */
    static final class Label {
        final PersonalDataType type;
        final int start;
        final int end;

        Label(PersonalDataType type, int start, int end) {
            this.type = type;
            this.start = start;
            this.end = end;
        }
    }

    final String text;
    final List<Label> labels;

    private LabeledCorpus(String text, List<Label> labels) {
        this.text = text;
        this.labels = labels;
    }

    /**
     * Generates a corpus.
     *
     * @param seed the seed
     * @param lines how many lines
     * @param outOfScope whether 8% of the values are written in forms the detector does not claim
     *        (IDN e-mail, plain national phone without a context word, odd card grouping, lower-case
     *        IBAN, zero-padded IPv4, bare SSN, passport without the word) and 8% of the negatives are
     *        look-alikes only outside knowledge tells apart (four-part versions, Luhn-valid tracking
     *        numbers, invoice numbers grouped like phones, part numbers shaped like SSNs)
     */
    static LabeledCorpus generate(long seed, int lines, boolean outOfScope) {
        Generator g = new Generator(seed, outOfScope);
        for (int i = 0; i < lines; i++) {
            g.line(i);
        }
        return new LabeledCorpus(g.out.toString(), List.copyOf(g.found));
    }

    /** Writes lines with labeled values. */
    private static final class Generator {
        private static final String[] FIRST = {"ada", "alan", "grace", "linus", "margaret", "dennis", "barbara", "ken",
            "frances", "john", "radia", "tim", "sophie", "katherine", "edsger", "niklaus", "hedy", "claude"};
        private static final String[] LAST = {"lovelace", "turing", "hopper", "torvalds", "hamilton", "ritchie",
            "liskov", "thompson", "allen", "mccarthy", "perlman", "berners-lee", "wilson", "johnson", "dijkstra"};
        private static final String[] DOMAINS = {"example.com", "mail.example.org", "company.co.uk", "uni-bonn.de",
            "startup.io", "EXAMPLE.NET", "post.fr"};
        private static final String[] LEVELS = {"INFO", "WARN", "DEBUG", "ERROR"};
        private static final String[] SERVICES = {"checkout", "auth", "billing", "support", "shipping", "search"};

        private final StringBuilder out = new StringBuilder();
        private final List<Label> found = new ArrayList<>();
        private final SplittableRandom random;

        private final boolean outOfScope;

        private Generator(long seed, boolean outOfScope) {
            this.random = new SplittableRandom(seed);
            this.outOfScope = outOfScope;
        }

        private int r(int bound) {
            return random.nextInt(bound);
        }

        private String digits(int count) {
            StringBuilder s = new StringBuilder(count);
            for (int i = 0; i < count; i++) {
                s.append((char) ('0' + r(10)));
            }
            return s.toString();
        }

        private <T> T pick(T[] values) {
            return values[r(values.length)];
        }

        private void text(String s) {
            out.append(s);
        }

        private void value(PersonalDataType type, String s) {
            found.add(new Label(type, out.length(), out.length() + s.length()));
            out.append(s);
        }

        private void line(int i) {
            text("2026-11-" + (10 + r(18)) + "T" + (10 + r(13)) + ":" + (10 + r(49)) + ":" + (10 + r(49)) + "."
                    + digits(3) + "Z " + pick(LEVELS) + " [" + pick(SERVICES) + "-" + r(8) + "] ");
            text("req=" + uuid() + " ");
            int slots = 1 + r(3);
            for (int s = 0; s < slots; s++) {
                if (r(10) < 6) {
                    positive();
                } else {
                    negative();
                }
                text(r(2) == 0 ? ", " : " ; ");
            }
            text("took " + r(2000) + " ms\n");
        }

        // ------------------------------------------------------------------ positives

        private void positive() {
            if (outOfScope && r(100) < 8) {
                hardPositive();
                return;
            }
            switch (r(7)) {
                case 0:
                    text("customer email ");
                    value(PersonalDataType.EMAIL, email());
                    break;
                case 1:
                    text(pick(new String[] {"phone ", "call back on ", "contact: ", "tel ", "msisdn="}));
                    value(PersonalDataType.PHONE, phone());
                    break;
                case 2:
                    text(pick(new String[] {"card ", "paid with ", "pan=", "charged "}));
                    value(PersonalDataType.PAYMENT_CARD, card());
                    break;
                case 3:
                    text(pick(new String[] {"iban ", "refund to ", "account="}));
                    value(PersonalDataType.IBAN, iban());
                    break;
                case 4:
                    text(pick(new String[] {"client ip ", "from ", "remote_addr=", "x-forwarded-for: "}));
                    value(PersonalDataType.IP_ADDRESS, r(3) == 0 ? ipv6() : ipv4());
                    break;
                case 5:
                    nationalId();
                    break;
                default:
                    text(pick(new String[] {"passport ", "Passport no. ", "passport number "}));
                    value(PersonalDataType.PASSPORT, passport());
                    break;
            }
        }

        private String email() {
            String local;
            switch (r(4)) {
                case 0:
                    local = pick(FIRST) + "." + pick(LAST);
                    break;
                case 1:
                    local = pick(FIRST) + "_" + pick(LAST) + r(100);
                    break;
                case 2:
                    local = pick(FIRST).charAt(0) + pick(LAST) + "+shop";
                    break;
                default:
                    local = pick(FIRST).toUpperCase() + r(1000);
                    break;
            }
            return local + "@" + pick(DOMAINS);
        }

        private String phone() {
            switch (r(9)) {
                case 0:
                    return "+44 20 7946 0" + digits(3);
                case 1:
                    return "+44 7700 900" + digits(3);
                case 2:
                    return "+1 (" + (2 + r(8)) + digits(1).replace('9', '1') + digits(1) + ") 555-01" + digits(2);
                case 3:
                    return "(" + (2 + r(8)) + r(9) + r(10) + ") " + (2 + r(8)) + digits(2) + "-" + digits(4);
                case 4:
                    return (2 + r(8)) + "" + r(9) + r(10) + "-" + (2 + r(8)) + digits(2) + "-" + digits(4);
                case 5:
                    return "+49 30 " + digits(7);
                case 6:
                    return "+33 6 " + digits(2) + " " + digits(2) + " " + digits(2) + " " + digits(2);
                case 7:
                    return "020 7946 0" + digits(3);
                default:
                    return "07700 900" + digits(3);
            }
        }

        private static final String[][] CARD_PREFIXES = {{"4", "16"}, {"4", "13"}, {"4", "19"}, {"51", "16"},
            {"55", "16"}, {"2221", "16"}, {"2720", "16"}, {"34", "15"}, {"37", "15"}, {"6011", "16"}, {"65", "16"},
            {"3528", "16"}, {"36", "14"}, {"62", "16"}, {"62", "19"}};

        private String luhnNumber(String prefix, int length) {
            String body = prefix + digits(length - 1 - prefix.length());
            return body + Checksums.luhnCheckDigit(body);
        }

        private String card() {
            String[] choice = pick(CARD_PREFIXES);
            int length = Integer.parseInt(choice[1]);
            String pan = luhnNumber(choice[0], length);
            if (length == 16 && r(2) == 0) {
                String sep = r(2) == 0 ? " " : "-";
                return pan.substring(0, 4) + sep + pan.substring(4, 8) + sep + pan.substring(8, 12) + sep + pan.substring(12);
            }
            if (length == 15 && r(2) == 0) {
                return pan.substring(0, 4) + " " + pan.substring(4, 10) + " " + pan.substring(10);
            }
            return pan;
        }

        private String iban() {
            String country;
            String bban;
            switch (r(5)) {
                case 0:
                    country = "DE";
                    bban = digits(18);
                    break;
                case 1:
                    country = "GB";
                    bban = letters(4) + digits(14);
                    break;
                case 2:
                    country = "FR";
                    bban = digits(10) + letters(1) + digits(10) + digits(2);
                    break;
                case 3:
                    country = "NL";
                    bban = letters(4) + digits(10);
                    break;
                default:
                    country = "ES";
                    bban = digits(20);
                    break;
            }
            String iban = country + Checksums.ibanCheckDigits(country, bban) + bban;
            if (r(2) == 0) {
                StringBuilder grouped = new StringBuilder();
                for (int i = 0; i < iban.length(); i += 4) {
                    if (i > 0) {
                        grouped.append(' ');
                    }
                    grouped.append(iban, i, Math.min(i + 4, iban.length()));
                }
                return grouped.toString();
            }
            return iban;
        }

        private String letters(int count) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < count; i++) {
                s.append((char) ('A' + r(26)));
            }
            return s.toString();
        }

        private String ipv4() {
            int first = 1 + r(223);
            return (first == 127 ? 128 : first) + "." + r(256) + "." + r(256) + "." + r(256);
        }

        private String ipv6() {
            if (r(2) == 0) {
                return "2001:db8:" + Integer.toHexString(r(65536)) + "::" + Integer.toHexString(1 + r(65535));
            }
            StringBuilder s = new StringBuilder("fe80");
            for (int i = 0; i < 7; i++) {
                s.append(':').append(Integer.toHexString(r(65536)));
            }
            return s.toString();
        }

        private void nationalId() {
            switch (r(5)) {
                case 0: {
                    text("ssn ");
                    value(PersonalDataType.NATIONAL_ID, validSsn("-"));
                    break;
                }
                case 1: {
                    text("SSN: ");
                    value(PersonalDataType.NATIONAL_ID, validSsn(""));
                    break;
                }
                case 2: {
                    text("nino ");
                    String nino = "AB" + digits(6) + "ABCD".charAt(r(4));
                    if (r(2) == 0) {
                        nino = nino.substring(0, 2) + " " + nino.substring(2, 4) + " " + nino.substring(4, 6) + " "
                                + nino.substring(6, 8) + " " + nino.charAt(8);
                    }
                    value(PersonalDataType.NATIONAL_ID, nino);
                    break;
                }
                case 3: {
                    text("dni ");
                    int number = random.nextInt(100_000_000);
                    value(PersonalDataType.NATIONAL_ID, String.format("%08d", number) + Checksums.dniLetter(number));
                    break;
                }
                default: {
                    text("nie ");
                    int number = random.nextInt(10_000_000);
                    char first = "XYZ".charAt(r(3));
                    int full = (first - 'X') * 10_000_000 + number;
                    value(PersonalDataType.NATIONAL_ID, first + String.format("%07d", number) + Checksums.dniLetter(full));
                    break;
                }
            }
        }

        private String validSsn(String sep) {
            int area;
            do {
                area = 1 + r(899);
            } while (area == 666);
            return String.format("%03d", area) + sep + String.format("%02d", 1 + r(99)) + sep
                    + String.format("%04d", 1 + r(9999));
        }

        private String passport() {
            return r(2) == 0 ? digits(9) : letters(1) + digits(7);
        }

        /**
         * Values written in forms the detector does not claim to find; they count as false
         * negatives and keep the measured recall honest.
         */
        private void hardPositive() {
            switch (r(7)) {
                case 0:
                    text("customer email ");
                    value(PersonalDataType.EMAIL, "zoë.müller" + r(100) + "@exämple.de");
                    break;
                case 1:
                    text("ref ");
                    value(PersonalDataType.PHONE, "07700900" + digits(3));
                    break;
                case 2: {
                    String pan = luhnNumber("4", 16);
                    text("card ");
                    value(PersonalDataType.PAYMENT_CARD, pan.substring(0, 5) + " " + pan.substring(5, 10) + " "
                            + pan.substring(10));
                    break;
                }
                case 3:
                    text("iban ");
                    value(PersonalDataType.IBAN, iban().replace(" ", "").toLowerCase());
                    break;
                case 4:
                    text("from ");
                    value(PersonalDataType.IP_ADDRESS, "192.168.00" + r(10) + ".0" + (10 + r(90)));
                    break;
                case 5:
                    text("member ");
                    value(PersonalDataType.NATIONAL_ID, validSsn(""));
                    break;
                default:
                    text("travel document ");
                    value(PersonalDataType.PASSPORT, passport());
                    break;
            }
        }

        // ------------------------------------------------------------------ hard negatives

        private void negative() {
            if (outOfScope && r(100) < 8) {
                ambiguousNegative();
                return;
            }
            switch (r(16)) {
                case 0:
                    text("ts=" + (1_600_000_000_000L + random.nextLong(300_000_000_000L)));
                    break;
                case 1:
                    text("epoch " + (1_600_000_000 + r(300_000_000)));
                    break;
                case 2:
                    text("order ORD-2026-" + digits(6));
                    break;
                case 3: {
                    String body = "4" + digits(14);
                    char check = Checksums.luhnCheckDigit(body);
                    text("ref " + body + (char) ('0' + (check - '0' + 1 + r(9)) % 10));
                    break;
                }
                case 4:
                    text("tracking 9" + digits(15));
                    break;
                case 5:
                    text("id " + pick(new String[] {"000", "666", "9" + digits(2)}) + "-" + digits(2) + "-" + digits(4));
                    break;
                case 6:
                    text("date " + (2000 + r(27)) + "-" + (10 + r(3)) + "-" + (10 + r(19)) + " and "
                            + (10 + r(19)) + "/" + (10 + r(3)) + "/20" + (10 + r(17)));
                    break;
                case 7:
                    text("version " + r(10) + "." + r(30) + "." + r(100) + " build 10.0." + (19000 + r(1000)) + "."
                            + (1000 + r(9000)));
                    break;
                case 8:
                    text("sha=" + hex(40));
                    break;
                case 9:
                    text("isbn 978-" + r(10) + "-" + digits(2) + "-" + digits(6) + "-" + r(10));
                    break;
                case 10:
                    text("mac " + hex(2) + ":" + hex(2) + ":" + hex(2) + ":" + hex(2) + ":" + hex(2) + ":" + hex(2));
                    break;
                case 11:
                    text("at std::vector<int>::push_back line " + r(900));
                    break;
                case 12:
                    text("amount EUR " + r(10) + "." + digits(3) + "," + digits(2) + " total $" + r(100) + "," + digits(3)
                            + "." + digits(2));
                    break;
                case 13:
                    text("pid=" + r(65536) + " port " + (1024 + r(60000)) + " status " + (200 + r(300)));
                    break;
                case 14: {
                    String almost = "DE" + digits(2) + digits(18);
                    if (Checksums.ibanValid(almost)) {
                        almost = "DE" + (almost.charAt(2) == '9' ? '0' : (char) (almost.charAt(2) + 1)) + almost.substring(3);
                    }
                    text("iban " + almost);
                    break;
                }
                default:
                    text("user=@" + pick(FIRST) + " host " + pick(SERVICES) + ".internal:" + (8000 + r(100)));
                    break;
            }
        }

        /**
         * Numbers that have the form of personal data but are not, where only outside knowledge
         * tells them apart; they count as false positives and keep the measured precision honest.
         */
        private void ambiguousNegative() {
            switch (r(4)) {
                case 0:
                    text("agent version " + (1 + r(9)) + "." + r(10) + "." + r(10) + "." + (1 + r(99)));
                    break;
                case 1:
                    text("tracking " + luhnNumber("4", 16));
                    break;
                case 2:
                    text("invoice 0" + (1 + r(9)) + digits(2) + " " + digits(3) + " " + digits(3));
                    break;
                default:
                    text("part " + validSsn("-"));
                    break;
            }
        }

        private String uuid() {
            return hex(8) + "-" + hex(4) + "-4" + hex(3) + "-a" + hex(3) + "-" + hex(12);
        }

        private String hex(int count) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < count; i++) {
                s.append("0123456789abcdef".charAt(r(16)));
            }
            return s.toString();
        }
    }
}

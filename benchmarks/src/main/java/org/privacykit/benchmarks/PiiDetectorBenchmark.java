package org.privacykit.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.privacykit.detect.PiiDetector;

/**
 * PII detection throughput on 1 MiB of log-like text (one operation is one MiB, so operations per
 * second read as MiB/s). Anchor: the regular expressions a team would write (Presidio-style patterns
 * for e-mail, phone, card with Luhn, IBAN with mod 97, IPv4, SSN), run with {@code java.util.regex}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class PiiDetectorBenchmark {
    private static final int SIZE = 1 << 20;

    private static final Pattern EMAIL = Pattern.compile("\\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}\\b");
    private static final Pattern CARD = Pattern.compile("\\b(?:\\d[ -]?){12,18}\\d\\b");
    private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\\b");
    private static final Pattern IPV4 = Pattern.compile(
            "\\b(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\b");
    private static final Pattern PHONE = Pattern.compile("(?:\\+\\d{1,3}[ -]?)?\\(?\\d{2,4}\\)?[ -]?\\d{3,4}[ -]?\\d{3,4}");
    private static final Pattern SSN = Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b");

    private String text;
    private final PiiDetector detector = PiiDetector.defaults();

    /** Generates the log text from a fixed seed. */
    @Setup
    public void setUp() {
        text = logText(SIZE, 7L);
    }

    /**
     * Log lines with a request id, a level, a service and now and then a personal value.
     *
     * @param size characters
     * @param seed the seed
     * @return the text
     */
    static String logText(int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] values = {"user ada.lovelace@example.com logged in", "callback +44 20 7946 0958 requested",
            "charged card 4111 1111 1111 1111", "refund to DE89 3704 0044 0532 0130 00", "from 192.168.1.42",
            "ssn 536-22-1234 verified", "cart updated, 3 items", "cache miss for key product:8812",
            "GET /api/v2/orders/1234567 200", "took 132 ms", "ts=1732112345678 retry=2"};
        String[] levels = {"INFO", "DEBUG", "WARN"};
        StringBuilder out = new StringBuilder(size + 256);
        while (out.length() < size) {
            out.append("2026-11-20T09:").append(10 + r.nextInt(50)).append(':').append(10 + r.nextInt(50))
                    .append(".123Z ").append(levels[r.nextInt(levels.length)]).append(" [checkout-")
                    .append(r.nextInt(8)).append("] req=").append(Long.toHexString(r.nextLong())).append(' ')
                    .append(values[r.nextInt(values.length)]).append('\n');
        }
        return out.substring(0, size);
    }

    /** @return the findings of privacy-kit's detector on 1 MiB */
    @Benchmark
    public int detect() {
        return detector.detect(text).size();
    }

    /** @return the findings in one 45-character log line without personal data, as privacy-logback scans it */
    @Benchmark
    public int detectLogLine() {
        return detector.detect("Order o-4711 shipped to warehouse B-12 in 35 ms").size();
    }

    /** @return the masked text: detection plus the rewrite */
    @Benchmark
    public int mask() {
        return detector.mask(text).length();
    }

    /** @return the anchor: matches of six regular expressions, with Luhn and mod-97 checks */
    @Benchmark
    public int regexAnchor() {
        int found = 0;
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            found++;
        }
        m = CARD.matcher(text);
        while (m.find()) {
            if (luhn(m.group())) {
                found++;
            }
        }
        m = IBAN.matcher(text);
        while (m.find()) {
            if (mod97(m.group())) {
                found++;
            }
        }
        for (Pattern p : new Pattern[] {IPV4, PHONE, SSN}) {
            m = p.matcher(text);
            while (m.find()) {
                found++;
            }
        }
        return found;
    }

    private static boolean luhn(String s) {
        int sum = 0;
        int n = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            int d = c - '0';
            if ((n++ & 1) == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    private static boolean mod97(String s) {
        String compact = s.replace(" ", "");
        String moved = compact.substring(4) + compact.substring(0, 4);
        int r = 0;
        for (int i = 0; i < moved.length(); i++) {
            char c = moved.charAt(i);
            r = Character.isDigit(c) ? (r * 10 + (c - '0')) % 97 : (r * 100 + (c - 'A' + 10)) % 97;
        }
        return r == 1;
    }
}

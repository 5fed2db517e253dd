package org.privacykit.json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;

/**
 * Masks a stream through a bounded window: reads a window, lets the scanner go as far as the
 * window allows, writes what is final with its masked spans replaced, keeps the unfinished token
 * and reads on. The window is 64 KB; it grows only for a token the scanner must hold whole (a key,
 * a number, a value for a masker that reads it), each bounded by a limit of the masker, so memory
 * is bounded whatever the input.
 */
final class StreamMasking {
    /** The most read at first: small documents need no more. */
    private static final int FIRST_READ = 8 * 1024;
    /** The least read at first, when the stream does not say how much it has. */
    private static final int SMALL_READ = 1024;
    /** The window: how much input is read at a time, and held unless a single token is longer. */
    static final int WINDOW = 64 * 1024;

    private StreamMasking() {
    }

    static void mask(JsonMasker masker, InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[firstRead(in)];
        int count = 0;
        boolean eof = false;
        while (count < InputEncoding.DETECTION_BYTES) {
            int n = in.read(buf, count, buf.length - count);
            if (n < 0) {
                eof = true;
                break;
            }
            count += n;
        }
        InputEncoding encoding = InputEncoding.detect(buf, count);
        if (encoding != InputEncoding.UTF_8) {
            InputStream rest = eof ? InputStream.nullInputStream() : in;
            InputStream utf8 = new TranscodingInputStream(encoding, new SequenceInputStream(new ByteArrayInputStream(buf, 0, count), rest));
            buf = new byte[WINDOW];
            count = 0;
            eof = false;
            while (count < InputEncoding.DETECTION_BYTES) {
                int n = utf8.read(buf, count, buf.length - count);
                if (n < 0) {
                    eof = true;
                    break;
                }
                count += n;
            }
            in = utf8;
        }
        Utf8JsonScanner scanner = masker.acquire();
        try {
            scanner.start(encoding.label, InputEncoding.bomLength(buf, count), 0);
            run(scanner, buf, count, eof, in, out);
        } finally {
            masker.release(scanner);
        }
    }

    /** The first buffer: what the stream says it has (a byte array's stream says exactly), within bounds. */
    private static int firstRead(InputStream in) throws IOException {
        int available = in.available();
        return available <= 0 ? SMALL_READ : Math.max(InputEncoding.DETECTION_BYTES, Math.min(available + 1, FIRST_READ));
    }

    private static void run(Utf8JsonScanner scanner, byte[] head, int count, boolean atEof, InputStream in,
            OutputStream out) throws IOException {
        Replacements spans = scanner.output();
        byte[] buf = head;
        int limit = count;
        int pos = InputEncoding.bomLength(buf, count);
        int copied = 0;
        boolean eof = atEof;
        while (true) {
            int consumed = scanner.scan(buf, pos, limit, eof);
            // everything before consumed is final: write it, with its masked spans replaced
            spans.write(buf, copied, consumed, out);
            if (eof) {
                return;
            }
            // keep the unfinished token, read more (at least doubling what the token has, so a
            // long token is read again a bounded number of times)
            int kept = limit - consumed;
            if (consumed > 0) {
                scanner.shift(buf, consumed);
                System.arraycopy(buf, consumed, buf, 0, kept);
            }
            if (kept * 2 > buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            } else if (buf.length < WINDOW && limit == buf.length) {
                buf = Arrays.copyOf(buf, WINDOW); // a first read was filled: a longer document, read more at a time
            }
            copied = 0;
            pos = 0;
            limit = kept;
            int want = Math.max(1, kept);
            int got = 0;
            while (got < want && limit < buf.length) {
                int n = in.read(buf, limit, buf.length - limit);
                if (n < 0) {
                    eof = true;
                    break;
                }
                limit += n;
                got += n;
            }
        }
    }
}

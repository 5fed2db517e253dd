package org.privacykit.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.privacykit.mask.Maskers;

/**
 * Run in a child JVM with a small heap by {@link JsonMaskerMemoryTest}: masks, as a stream, one
 * document holding a single huge token (generated on the fly, never held) and prints what came out:
 * the output's length and its head and tail, or the rejection's message.
 */
public final class HugeTokens {
    private HugeTokens() {
    }

    /**
     * @param args the case ({@code key}, {@code clear}, {@code full}, {@code email}, {@code escaped},
     *        {@code inherited}, {@code number}) and the token's length in bytes
     */
    public static void main(String[] args) throws IOException {
        String kind = args[0];
        long length = Long.parseLong(args[1]);
        JsonMasker masker = JsonMasker.builder().maskKeys("password", "secret").maskKey("email", Maskers.email()).build();
        String head;
        String unit;
        String tail;
        switch (kind) {
            case "key" -> { head = "{\""; unit = "k"; tail = "\":1}"; }
            case "clear" -> { head = "{\"note\":\""; unit = "x"; tail = "\"}"; }
            case "full" -> { head = "{\"password\":\""; unit = "x"; tail = "\"}"; }
            case "email" -> { head = "{\"email\":\""; unit = "a"; tail = "@example.com\"}"; }
            case "escaped" -> { head = "{\"email\":\""; unit = "\\u00e9"; tail = "\"}"; }
            case "inherited" -> { head = "{\"secret\":[\"ok\",\""; unit = "é"; tail = "\",1]}"; }
            case "number" -> { head = "[1"; unit = "0"; tail = "]"; }
            default -> throw new IllegalArgumentException(kind);
        }
        Sink out = new Sink();
        try {
            masker.mask(new Repeating(head, unit, length, tail), out);
            System.out.println("ok " + out.count + " " + out.head() + " ... " + out.tail());
        } catch (MalformedJsonException e) {
            System.out.println("rejected " + e.getMessage());
        }
        System.out.println("heap " + Runtime.getRuntime().maxMemory());
    }

    /** head, then unit repeated to about {@code length} bytes, then tail; made as it is read. */
    private static final class Repeating extends InputStream {
        private final byte[] head;
        private final byte[] block;
        private final byte[] tail;
        private final long length;
        private long pos;

        Repeating(String head, String unit, long length, String tail) {
            this.head = head.getBytes(StandardCharsets.UTF_8);
            this.block = unit.repeat(8192 / unit.getBytes(StandardCharsets.UTF_8).length).getBytes(StandardCharsets.UTF_8);
            this.tail = tail.getBytes(StandardCharsets.UTF_8);
            this.length = length / block.length * block.length;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long total = head.length + length + tail.length;
            if (pos >= total) {
                return -1;
            }
            int n = 0;
            while (n < len && pos < total) {
                byte[] source;
                long at;
                if (pos < head.length) {
                    source = head;
                    at = pos;
                } else if (pos < head.length + length) {
                    source = block;
                    at = (pos - head.length) % block.length;
                } else {
                    source = tail;
                    at = pos - head.length - length;
                }
                int take = (int) Math.min(len - n, source.length - at);
                System.arraycopy(source, (int) at, b, off + n, take);
                n += take;
                pos += take;
            }
            return n;
        }
    }

    /** Counts the output and keeps its first and last 40 bytes. */
    private static final class Sink extends OutputStream {
        private final byte[] first = new byte[40];
        private final byte[] last = new byte[40];
        long count;

        @Override
        public void write(int b) {
            if (count < first.length) {
                first[(int) count] = (byte) b;
            }
            last[(int) (count % last.length)] = (byte) b;
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = 0; i < len && count + i < first.length; i++) {
                first[(int) (count + i)] = b[off + i];
            }
            for (int i = Math.max(0, len - last.length); i < len; i++) {
                last[(int) ((count + i) % last.length)] = b[off + i];
            }
            count += len;
        }

        String head() {
            return new String(first, 0, (int) Math.min(count, first.length), StandardCharsets.UTF_8);
        }

        String tail() {
            int n = (int) Math.min(count, last.length);
            byte[] out = new byte[n];
            for (int i = 0; i < n; i++) {
                out[i] = last[(int) ((count - n + i) % last.length)];
            }
            return new String(out, StandardCharsets.ISO_8859_1);
        }
    }
}

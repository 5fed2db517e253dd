package org.privacykit.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * Where an executor reads a secret (a passphrase, a password, a pseudonym key): an environment
 * variable or a file that exists on every executor (a Kubernetes secret, a YARN localized file).
 * Only the location travels with a job, never the secret; {@code toString} shows the location.
 */
public sealed interface SecretSource extends Serializable {

    /**
     * Returns a source reading an environment variable of the executor's process.
     *
     * @param variable the variable's name, such as {@code PRIVACYKIT_PASSPHRASE}
     * @return the source
     */
    static SecretSource environment(String variable) {
        return new Environment(variable);
    }

    /**
     * Returns a source reading a file of the executor's file system.
     *
     * @param path the file's path on each executor, such as {@code /var/run/secrets/privacykit/passphrase}
     * @return the source
     */
    static SecretSource file(String path) {
        return new SecretFile(path);
    }

    /**
     * Reads the secret as UTF-8 text, without a final line break.
     *
     * @return a fresh array the caller wipes after use
     * @throws IOException when the variable is unset or the file cannot be read; the message names the location
     */
    char[] readChars() throws IOException;

    /**
     * Reads a key given as Base64 text (standard or URL-safe alphabet).
     *
     * @return the decoded bytes; a fresh array the caller wipes after use
     * @throws IOException when it cannot be read or is not Base64; the message names the location, never the text
     */
    default byte[] readBase64Key() throws IOException {
        char[] text = readChars();
        byte[] ascii = new byte[text.length];
        try {
            for (int i = 0; i < text.length; i++) {
                char c = text[i];
                ascii[i] = (byte) (c == '-' ? '+' : c == '_' ? '/' : c);
            }
            return Base64.getDecoder().decode(ascii);
        } catch (IllegalArgumentException e) {
            throw new IOException(this + " does not hold Base64 text");
        } finally {
            Arrays.fill(text, '\0');
            Arrays.fill(ascii, (byte) 0);
        }
    }

    /** An environment variable. */
    record Environment(String variable) implements SecretSource {
        public Environment {
            Objects.requireNonNull(variable, "variable");
            if (variable.isBlank()) {
                throw new IllegalArgumentException("an environment variable needs a name");
            }
        }

        @Override
        public char[] readChars() throws IOException {
            String value = System.getenv(variable);
            if (value == null || value.isEmpty()) {
                throw new IOException(this + " is not set on this executor");
            }
            return trimLineBreak(value.toCharArray());
        }

        @Override
        public String toString() {
            return "environment variable " + variable;
        }
    }

    /** A file. */
    record SecretFile(String path) implements SecretSource {
        public SecretFile {
            Objects.requireNonNull(path, "path");
            if (path.isBlank()) {
                throw new IllegalArgumentException("a secret file needs a path");
            }
        }

        @Override
        public char[] readChars() throws IOException {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(Path.of(path));
            } catch (IOException e) {
                throw new IOException(this + " cannot be read on this executor (" + e.getClass().getSimpleName() + ")");
            }
            try {
                CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
                char[] out = new char[chars.remaining()];
                chars.get(out);
                Arrays.fill(chars.array(), '\0');
                if (out.length == 0) {
                    throw new IOException(this + " is empty");
                }
                return trimLineBreak(out);
            } catch (CharacterCodingException e) {
                throw new IOException(this + " is not UTF-8 text");
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }

        @Override
        public String toString() {
            return "secret file " + path;
        }
    }

    private static char[] trimLineBreak(char[] text) {
        int n = text.length;
        while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == '\r')) {
            n--;
        }
        if (n == text.length) {
            return text;
        }
        char[] out = Arrays.copyOf(text, n);
        Arrays.fill(text, '\0');
        return out;
    }
}

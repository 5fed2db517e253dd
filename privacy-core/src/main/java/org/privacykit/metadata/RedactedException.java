package org.privacykit.metadata;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jspecify.annotations.NullUnmarked;

/**
 * Stands in for an exception whose message may quote a personal value: a getter that throws
 * {@code "invalid e-mail zelda@example.com"}, a constructor that rejects a value, a {@code toString}
 * that fails. It keeps what a reader needs to find the fault (the original class name, its stack
 * trace, its causes and suppressed exceptions, redacted alike) and drops every message.
 *
 * <p>privacy-kit chains a {@code RedactedException}, never the original, under the exceptions that
 * leave its paths, so a logger that prints the whole chain prints no value:
 *
 * <pre>{@code
 * throw new IllegalStateException(property.qualifiedName() + ": getter threw "
 *         + RedactedException.typeOf(e), RedactedException.of(e));
 * }</pre>
 *
 * <p>Printed, it reads {@code org.privacykit.metadata.RedactedException: java.lang.IllegalArgumentException
 * (message withheld)}. Unchecked, so it fits as the cause of any exception.
 */
@NullUnmarked // nullness to annotate: see NOTES.md
public final class RedactedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Causes followed before the chain is cut, so a cyclic or endless chain ends. */
    private static final int MAX_CAUSES = 32;

    private final String originalType;

    private RedactedException(String originalType) {
        super(originalType + " (message withheld)");
        this.originalType = originalType;
    }

    /**
     * Returns a redacted stand-in for an exception and its causes.
     *
     * @param original the exception, possibly {@code null}
     * @return the stand-in, the same instance when it is already redacted, or {@code null} for {@code null}
     */
    public static RedactedException of(Throwable original) {
        if (original == null) {
            return null;
        }
        return redact(original, Collections.newSetFromMap(new IdentityHashMap<>()), 0);
    }

    private static RedactedException redact(Throwable original, Set<Throwable> seen, int depth) {
        if (original instanceof RedactedException) {
            return (RedactedException) original;
        }
        RedactedException out = new RedactedException(original.getClass().getName());
        out.setStackTrace(original.getStackTrace());
        seen.add(original);
        Throwable cause = original.getCause();
        if (cause != null && depth < MAX_CAUSES && !seen.contains(cause)) {
            out.initCause(redact(cause, seen, depth + 1));
        }
        for (Throwable suppressed : original.getSuppressed()) {
            if (depth < MAX_CAUSES && !seen.contains(suppressed)) {
                out.addSuppressed(redact(suppressed, seen, depth + 1));
            }
        }
        return out;
    }

    /**
     * Returns the name of an exception's class, the part of it a message may show.
     *
     * @param e the exception
     * @return its class name, such as {@code java.lang.IllegalArgumentException}; the original's for a stand-in
     */
    public static String typeOf(Throwable e) {
        return e instanceof RedactedException ? ((RedactedException) e).originalType : e.getClass().getName();
    }

    /**
     * Returns the class name of the exception this stands in for.
     *
     * @return the original class name
     */
    public String originalType() {
        return originalType;
    }
}

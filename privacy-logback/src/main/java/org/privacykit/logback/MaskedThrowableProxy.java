package org.privacykit.logback;

import java.util.IdentityHashMap;
import java.util.Map;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;

/**
 * A throwable of a masked event: class name, frames and the shape of the chain as the original
 * has them, each message through the masking (the detector, since an exception's message is free
 * text). Converters that read the proxy ({@code %ex}, Spring Boot's {@code %wEx}, structured
 * logging) see masked messages. It is a {@link ThrowableProxy} over a {@link MaskedThrowable} copy
 * of the chain, so code that asks for the throwable itself (Spring Boot's stack-trace printers)
 * prints the masked copy, never the original.
 */
final class MaskedThrowableProxy extends ThrowableProxy {
    private final IThrowableProxy original;
    private final LogMasking masking;
    /** The masked copies of the whole chain, shared by the proxies of its members: each message is masked once. */
    private final Map<IThrowableProxy, MaskedThrowable> copies;
    private final String message;
    private IThrowableProxy cause;
    private IThrowableProxy[] suppressed;

    private MaskedThrowableProxy(IThrowableProxy original, LogMasking masking, Map<IThrowableProxy, MaskedThrowable> copies) {
        super(copy(original, masking, copies));
        this.original = original;
        this.masking = masking;
        this.copies = copies;
        this.message = copies.get(original).getMessage();
    }

    /** The masked view of a proxy and its chain. */
    static IThrowableProxy of(IThrowableProxy original, LogMasking masking) {
        return of(original, masking, new IdentityHashMap<>());
    }

    private static IThrowableProxy of(IThrowableProxy original, LogMasking masking, Map<IThrowableProxy, MaskedThrowable> copies) {
        return new MaskedThrowableProxy(original, masking, copies);
    }

    /** Copies a chain (causes and suppressed, cycles kept as the original's) with masked messages. */
    private static MaskedThrowable copy(IThrowableProxy original, LogMasking masking,
                                        Map<IThrowableProxy, MaskedThrowable> copies) {
        MaskedThrowable done = copies.get(original);
        if (done != null) {
            return done;
        }
        MaskedThrowable copy = new MaskedThrowable(original.getClassName(), masked(original.getMessage(), masking),
                frames(original));
        copies.put(original, copy);
        IThrowableProxy cause = original.getCause();
        if (cause != null) {
            copy.initCause(copy(cause, masking, copies));
        }
        IThrowableProxy[] suppressed = original.getSuppressed();
        if (suppressed != null) {
            for (IThrowableProxy s : suppressed) {
                MaskedThrowable c = copy(s, masking, copies);
                if (c != copy) {
                    copy.addSuppressed(c);
                }
            }
        }
        return copy;
    }

    private static StackTraceElement[] frames(IThrowableProxy original) {
        StackTraceElementProxy[] proxies = original.getStackTraceElementProxyArray();
        if (proxies == null) {
            return new StackTraceElement[0];
        }
        StackTraceElement[] frames = new StackTraceElement[proxies.length];
        for (int i = 0; i < proxies.length; i++) {
            frames[i] = proxies[i].getStackTraceElement();
        }
        return frames;
    }

    private static String masked(String message, LogMasking masking) {
        if (message == null) {
            return null;
        }
        try {
            return masking.text(message);
        } catch (Throwable e) {
            LogMasking.rethrowIfFatal(e);
            masking.report("masking an exception message failed", MaskingEncoder.class, e);
            return org.privacykit.mask.Maskers.REDACTED;
        }
    }

    @Override
    public String getMessage() {
        return message;
    }

    /** The original's own rendering ({@code toString}) is not used: it may quote the value unmasked. */
    @Override
    public String getOverridingMessage() {
        return null;
    }

    @Override
    public String getClassName() {
        return original.getClassName();
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
        return original.getStackTraceElementProxyArray();
    }

    @Override
    public int getCommonFrames() {
        return original.getCommonFrames();
    }

    @Override
    public boolean isCyclic() {
        return original.isCyclic();
    }

    @Override
    public IThrowableProxy getCause() {
        IThrowableProxy c = original.getCause();
        if (c == null) {
            return null;
        }
        if (cause == null) {
            cause = of(c, masking, copies);
        }
        return cause;
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
        IThrowableProxy[] s = original.getSuppressed();
        if (s == null || s.length == 0) {
            return s;
        }
        if (suppressed == null) {
            IThrowableProxy[] masked = new IThrowableProxy[s.length];
            for (int i = 0; i < s.length; i++) {
                masked[i] = of(s[i], masking, copies);
            }
            suppressed = masked;
        }
        return suppressed;
    }
}

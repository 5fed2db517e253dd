package org.privacykit.logback;

/**
 * A copy of a logged throwable with its message masked, for code that prints a throwable itself
 * rather than its proxy: {@link #toString()} gives the original's class name and the masked
 * message, the frames are the original's. Never thrown.
 */
final class MaskedThrowable extends Throwable {
    private static final long serialVersionUID = 1L;

    private final String className;

    MaskedThrowable(String className, String maskedMessage, StackTraceElement[] frames) {
        super(maskedMessage); // the cause is set by initCause, once the cause is copied
        this.className = className;
        setStackTrace(frames);
    }

    /** The frames are the original's, set after construction: nothing to capture here. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    @Override
    @SuppressWarnings("OverrideThrowableToString") // the point: the original's class name, not this class's
    public String toString() {
        String message = getLocalizedMessage();
        return message == null ? className : className + ": " + message;
    }
}

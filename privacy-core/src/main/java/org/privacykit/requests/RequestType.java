package org.privacykit.requests;

/** The rights of a data subject that a {@link SubjectRequest} exercises. */
public enum RequestType {
    /** Art. 15: a copy of the subject's personal data and what is done with it. */
    ACCESS("Art. 15"),
    /** Art. 16: inaccurate personal data corrected. */
    RECTIFICATION("Art. 16"),
    /** Art. 17: personal data erased. */
    ERASURE("Art. 17"),
    /** Art. 18: processing restricted to storage. */
    RESTRICTION("Art. 18"),
    /** Art. 20: the data the subject provided, in a machine-readable format. */
    PORTABILITY("Art. 20"),
    /** Art. 21: processing for purposes the subject objects to stopped. */
    OBJECTION("Art. 21");

    private final String article;

    RequestType(String article) {
        this.article = article;
    }

    /**
     * Returns the GDPR article of the right.
     *
     * @return such as {@code "Art. 17"}
     */
    public String article() {
        return article;
    }
}

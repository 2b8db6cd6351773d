package org.smtpdoctor.engine;

/** Which layer decided a diagnosis; the layers are tried in this order. */
public enum Basis {
    /** A provider's wording rule (DRL) matched the reply. */
    PATTERN("pattern"),
    /** No provider wording matched; a concept rule (the generic wording of a cause) did. */
    CONCEPT("concept"),
    /** The enhanced status code table (rules/codes/enhanced-status-codes.yaml). */
    ENHANCED_CODE("enhanced-code"),
    /**
     * No provider or concept wording matched and no enhanced code said more; a stage rule (the SMTP command the text
     * names as failed, which tells only the family) did.
     */
    STAGE("stage"),
    /** The basic reply code table (rules/codes/reply-codes.yaml). */
    REPLY_CODE("reply-code"),
    /**
     * Nothing above recognised the reply, but it holds nearly all the letters of one provider or concept wording,
     * close together: that wording said another way (other word endings, another word order, a word more).
     */
    NEAR_WORDING("near-wording"),
    /** Nothing recognised the reply: unknown.transient, unknown.permanent or unknown.unclassified. */
    NONE("none");

    private final String id;

    Basis(String id) {
        this.id = id;
    }

    /** True for the wording layers ({@link #PATTERN}, {@link #CONCEPT}, {@link #STAGE}), which decide before the code tables. */
    public boolean isWording() {
        return this == PATTERN || this == CONCEPT || this == STAGE;
    }

    /**
     * True for {@link #NEAR_WORDING} and {@link #NONE}: no wording of a rule occurs as written, so the text is one
     * staff may want to teach (what {@code unknowns} and the desk's list of unknown replies propose).
     */
    public boolean isUntaught() {
        return this == NEAR_WORDING || this == NONE;
    }

    /** The id used in JSON, e.g. {@code enhanced-code}. */
    public String id() {
        return id;
    }
}

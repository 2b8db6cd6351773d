package org.smtpdoctor.catalog;

import java.util.Arrays;

/** Whether sending the same message again can succeed. */
public enum Retry {
    /**
     * Retrying unchanged can succeed: the condition is temporary. Whether the application sends again by itself
     * is the deployment's {@link AppResends}, and the advice says so.
     */
    AUTOMATIC("automatic"),
    /** Retrying helps only after the remedy has been applied. */
    AFTER_FIX("after-fix"),
    /** The message as it is will not be accepted, however often it is sent. */
    NO("no");

    private final String id;

    Retry(String id) {
        this.id = id;
    }

    /** The id used in catalogs and JSON, e.g. {@code after-fix}. */
    public String id() {
        return id;
    }

    /** The retry value with this id, or null. */
    public static Retry byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst().orElse(null);
    }
}

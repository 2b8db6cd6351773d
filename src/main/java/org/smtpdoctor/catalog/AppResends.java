package org.smtpdoctor.catalog;

import java.util.Arrays;

/**
 * Whether the application that sends the mail sends a message again by itself after a temporary failure: the
 * advice for a transient failure says "wait for its next attempt", "send it again later", or both, as fits.
 */
public enum AppResends {
    /** It retries by itself (a mail queue, a job that runs again). */
    YES("yes"),
    /** A failed message stays failed until someone sends it again. */
    NO("no"),
    /** Not known for this deployment: the advice says what to do either way. */
    UNKNOWN("unknown");

    private final String id;

    AppResends(String id) {
        this.id = id;
    }

    /** The id used in deployment files, catalogs and on the command line: yes, no or unknown. */
    public String id() {
        return id;
    }

    /** The value with this id, or null. */
    public static AppResends byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst().orElse(null);
    }
}

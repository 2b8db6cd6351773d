package org.smtpdoctor.check;

import java.util.Locale;

/** What the search for working settings concluded, when it ran. */
public enum SearchVerdict {
    /** The search did not run: the settings given worked, or their failure is the same everywhere. */
    NOT_SEARCHED,
    /** An encrypted setting works (with a login: the login succeeded there); it is recommended. */
    WORKS,
    /**
     * Only an unencrypted setting works: named, with the warning that the password and the messages would
     * cross the network readable.
     */
    WORKS_ONLY_UNENCRYPTED,
    /**
     * An encrypted setting failed for the server's certificate: that is the thing to fix, so no unencrypted
     * setting is named, even one that works.
     */
    CERTIFICATE_UNTRUSTED,
    /** Every setting that got as far as the login refused the password (535 5.7.8). */
    PASSWORD_WRONG_EVERYWHERE,
    /** Every setting that got as far as the login refused it, for other reasons than a wrong password. */
    LOGIN_REFUSED_EVERYWHERE,
    /** No setting worked. */
    NOTHING_WORKS;

    /** The name in JSON: works, works-only-unencrypted, password-wrong-everywhere, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

package org.smtpdoctor.wording;

import java.util.Arrays;
import java.util.Optional;

/**
 * The layer a wording rule belongs to. Provider wordings (one server's or library's exact words) decide first;
 * concept wordings (the generic ways any server or library says a cause) answer only when no provider wording
 * matched; stage wordings (the SMTP command a text names as the one that failed) only when no concept wording did
 * either; all come before the code tables.
 */
public enum RuleLayer {
    /** One provider's, server's or library's own wording: the default. */
    PROVIDER("provider"),
    /** The generic phrasing of a cause, written for every sender. */
    CONCEPT("concept"),
    /**
     * The SMTP command a text names as the one that failed ({@code RCPT TO}, {@code STARTTLS}), untranslated in every
     * language: it tells the family, not the cause, so any concept wording of another category decides first.
     */
    STAGE("stage");

    private final String id;

    RuleLayer(String id) {
        this.id = id;
    }

    /** The id written in a rule file ({@code layer: concept}) and in the DRL ({@code @layer("concept")}). */
    public String id() {
        return id;
    }

    /** The layer written {@code id}, if there is one. */
    public static Optional<RuleLayer> fromId(String id) {
        return Arrays.stream(values()).filter(l -> l.id.equals(id)).findFirst();
    }
}

package org.smtpdoctor.catalog;

import java.util.Arrays;

/** Who has to act for the mail to go out. */
public enum Actor {
    /** The user fixes the mail account settings in the sending application. */
    SENDER_SETTINGS("sender-settings"),
    /** Whoever wrote the message: its recipients' addresses, its content or its attachments. */
    SENDER("sender"),
    /** The administrator of the company's mail server, domain or DNS. */
    MAIL_ADMIN("mail-admin"),
    /** The mail service provider's support. */
    MAIL_PROVIDER("mail-provider"),
    /** The recipient's side. */
    RECIPIENT("recipient"),
    /** Nobody: a retry fixes it. */
    NONE("none");

    private final String id;

    Actor(String id) {
        this.id = id;
    }

    /** The id used in catalogs and JSON, e.g. {@code sender-settings}. */
    public String id() {
        return id;
    }

    /** The actor with this id, or null. */
    public static Actor byId(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst().orElse(null);
    }
}

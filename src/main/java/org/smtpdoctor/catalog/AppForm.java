package org.smtpdoctor.catalog;

import java.util.Arrays;

/**
 * The ways advice names the application that sends the mail, each a placeholder {@code {app.<form>}} in the
 * catalog and a field of the deployment file per language. Russian inflects, so a name "in" something is a
 * form of its own, not the name with a preposition put in front.
 */
public enum AppForm {
    /** The name as a subject: "the application", "приложение". */
    NAME("name"),
    /** The name after "in": "in the application", "в приложении". */
    IN("in"),
    /** Where its mail settings live, as an object: "the application's mail account settings". */
    SETTINGS("settings"),
    /** The same after "in": "in the application's mail account settings", "в настройках почтового аккаунта в приложении". */
    IN_SETTINGS("inSettings");

    private final String id;

    AppForm(String id) {
        this.id = id;
    }

    /** The field name in the deployment file and the placeholder's part after {@code app.}. */
    public String id() {
        return id;
    }

    /** The form with this id, or null. */
    public static AppForm byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst().orElse(null);
    }
}

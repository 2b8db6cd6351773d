package org.smtpdoctor.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Catalog placeholders, of two kinds:
 * <ul>
 * <li>{@code {url|the link in the message}} is the rule parameter {@code url}, or the words after '|' when the
 * diagnosis has no such parameter (the enhanced-code layer, for one, has none);</li>
 * <li>{@code {app.name}}, {@code {app.in}}, {@code {app.settings}}, {@code {app.inSettings}} name the application
 * that sends the mail as the {@link Deployment} words it ({@link AppForm}); written {@code {App.name}}, the
 * value starts with a capital letter, for the start of a sentence. They need no fallback: every deployment has
 * every form.</li>
 * </ul>
 * A rule parameter's name has no dot, so the two kinds never meet.
 */
public final class Placeholders {
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][\\w-]*)(?:\\.([A-Za-z]\\w*))?(?:\\|([^{}]*))?\\}");
    private static final String APP = "app";

    private Placeholders() {
    }

    /** One placeholder as written in a catalog text. */
    public sealed interface Slot permits Parameter, Application {
        /** The placeholder as written, e.g. {@code {url|the link}}. */
        String written();
    }

    /**
     * A rule parameter: {@code {name|fallback}}.
     *
     * @param fallback the words shown without the parameter, or null when the text gives none
     */
    public record Parameter(String written, String name, String fallback) implements Slot {
    }

    /**
     * The application named in one of its forms: {@code {app.name}}.
     *
     * @param form        the form, or null when the text names one that does not exist (a load error)
     * @param capitalized written {@code {App.…}}: the value's first letter is made a capital
     */
    public record Application(String written, AppForm form, boolean capitalized) implements Slot {
        String value(Deployment deployment, String language) {
            String value = deployment.form(language, form);
            return capitalized && !value.isEmpty()
                    ? value.substring(0, value.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT)
                    + value.substring(value.offsetByCodePoints(0, 1)) : value;
        }
    }

    /** Every placeholder of {@code text}, in order. */
    public static List<Slot> slots(String text) {
        List<Slot> slots = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            slots.add(slot(m));
        }
        return slots;
    }

    private static Slot slot(Matcher m) {
        if (m.group(2) == null) {
            return new Parameter(m.group(), m.group(1), m.group(3));
        }
        boolean app = m.group(1).equalsIgnoreCase(APP) && m.group(3) == null;
        return new Application(m.group(), app ? AppForm.byId(m.group(2)) : null,
                Character.isUpperCase(m.group(1).charAt(0)));
    }

    /**
     * A catalog text read once, at load: its literal parts and its placeholders in order, so that filling it
     * for a diagnosis joins strings instead of reading the text again.
     */
    static final class Text {
        private final String[] literals;
        private final Slot[] slots;

        private Text(String[] literals, Slot[] slots) {
            this.literals = literals;
            this.slots = slots;
        }

        static Text of(String text) {
            List<String> literals = new ArrayList<>();
            List<Slot> slots = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(text);
            int from = 0;
            while (m.find()) {
                literals.add(text.substring(from, m.start()));
                slots.add(slot(m));
                from = m.end();
            }
            literals.add(text.substring(from));
            return new Text(literals.toArray(String[]::new), slots.toArray(Slot[]::new));
        }

        String fill(Map<String, String> params, Deployment deployment, String language) {
            if (slots.length == 0) {
                return literals[0];
            }
            StringBuilder out = new StringBuilder(literals[0].length() * 2);
            for (int i = 0; i < slots.length; i++) {
                out.append(literals[i]);
                if (slots[i] instanceof Parameter p) {
                    out.append(params.getOrDefault(p.name(), p.fallback() == null ? "" : p.fallback()));
                } else {
                    Application a = (Application) slots[i];
                    out.append(a.form() == null ? a.written() : a.value(deployment, language));
                }
            }
            return out.append(literals[slots.length]).toString();
        }

        /** The rule parameters its placeholders name. */
        void addParameterNames(Set<String> names) {
            for (Slot slot : slots) {
                if (slot instanceof Parameter p) {
                    names.add(p.name());
                }
            }
        }
    }

    /** The rule parameter names the placeholders of {@code text} ask for, in order. */
    public static List<String> names(String text) {
        return slots(text).stream().filter(s -> s instanceof Parameter).map(s -> ((Parameter) s).name()).toList();
    }

    /** The rule parameter placeholders of {@code text} that lack a fallback, as written (for load errors). */
    public static List<String> withoutFallback(String text) {
        return slots(text).stream().filter(s -> s instanceof Parameter p && p.fallback() == null)
                .map(Slot::written).toList();
    }

    /** The placeholders of {@code text} that look like the application's but name no form of it, as written. */
    public static List<String> unknownApplicationForms(String text) {
        return slots(text).stream().filter(s -> s instanceof Application a && a.form() == null)
                .map(Slot::written).toList();
    }
}

package org.smtpdoctor.batch;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which fields a batch record holds. Every record starts with {@code file}, {@code line} and the kept input
 * fields (they say which input record it is), and a record that could not be read always has {@code error};
 * the rest is chosen here, and written in the format's own order whatever the order asked for.
 *
 * @param chosen  the chosen fields, in the format's order; null for every field
 * @param compact whether the advice fields ({@link #ADVICE}) are left to an {@link AdviceDictionary}: a record
 *                then carries them only when they are its own (filled from its parameters, or a fallback)
 */
public record RecordFields(List<String> chosen, boolean compact) implements Serializable {
    /** The JSON record's fields after file, line and the kept ones, in order. */
    public static final List<String> JSON = List.of("overlong", "input", "category", "basis", "code", "enhancedCode",
            "rule", "retry", "actor", "title", "explanation", "remedy", "params", "secondary", "codeMeaning", "links",
            "language", "ruleSetVersion", "truncated", "stage");
    /** The CSV columns after file, line and the kept ones, in order (error is always there). */
    public static final List<String> CSV = List.of("input", "category", "basis", "code", "enhancedCode", "rule",
            "retry", "actor", "title", "params", "secondary", "truncated", "overlong", "error", "stage", "explanation",
            "remedy");
    /** The fields that are the category's advice, the same for every record of it but for placeholders. */
    public static final List<String> ADVICE = List.of("title", "explanation", "remedy", "links", "language");

    public RecordFields {
        chosen = chosen == null ? null : List.copyOf(chosen);
    }

    /** Every field: the documented default records. */
    public static RecordFields every() {
        return new RecordFields(null, false);
    }

    /** Every field, but the advice only where an {@link AdviceDictionary} does not hold it. */
    public static RecordFields compactRecords() {
        return new RecordFields(null, true);
    }

    /**
     * The fields {@code names} (as given to {@code --fields}) in {@code format}'s order.
     *
     * @throws IllegalArgumentException naming an unknown field and the allowed ones
     */
    public static RecordFields of(List<String> names, OutputFormat format) {
        List<String> all = all(format);
        List<String> allowed = new ArrayList<>(List.of("file", "line"));
        allowed.addAll(all);
        for (String name : names) {
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "' for "
                        + format.name().toLowerCase(Locale.ROOT) + " records; the fields are " + String.join(",", allowed));
            }
        }
        return new RecordFields(all.stream().filter(names::contains).toList(), false);
    }

    private static List<String> all(OutputFormat format) {
        return format == OutputFormat.CSV ? CSV : JSON;
    }

    /** True when records hold {@code field}. */
    public boolean has(String field) {
        return chosen == null || chosen.contains(field);
    }

    /** True for the documented default: every field. */
    public boolean isEvery() {
        return chosen == null;
    }
}

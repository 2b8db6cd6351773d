package org.smtpdoctor.source;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A category id such as {@code auth.invalid-credentials}: family {@code auth}, name {@code invalid-credentials}.
 * The one id names the category everywhere: its rule file {@code <family>/<name>.yaml} in the rules folder,
 * its catalog key in {@code catalog/<family>.yaml}, and its sample file {@code <family>/<name>.yaml} in
 * the samples folder.
 */
public record CategoryId(String family, String name) implements Comparable<CategoryId> {
    private static final Pattern FORM = Pattern.compile("([a-z]+)\\.([a-z]+(?:-[a-z]+)*)");
    /** The form written in messages. */
    public static final String FORM_DESCRIPTION = "<family>.<name> in small letters, words joined by '-', such as auth.password-expired";

    /** Parses an id; empty when it is not of the form {@code family.name-with-dashes}. */
    public static Optional<CategoryId> parse(String id) {
        var m = FORM.matcher(id == null ? "" : id);
        return m.matches() ? Optional.of(new CategoryId(m.group(1), m.group(2))) : Optional.empty();
    }

    /**
     * The category whose file this is, from a path relative to the rules or samples folder
     * ({@code auth/invalid-credentials.yaml}); empty for a file that is not at {@code <family>/<name>.<ext>}.
     */
    public static Optional<CategoryId> ofFile(String relativePath, String extension) {
        String suffix = "." + extension;
        if (!relativePath.endsWith(suffix)) {
            return Optional.empty();
        }
        String[] parts = relativePath.substring(0, relativePath.length() - suffix.length()).split("/");
        return parts.length == 2 ? parse(parts[0] + "." + parts[1]) : Optional.empty();
    }

    /** The rule file of this category, relative to the rules folder. */
    public String ruleFile() {
        return family + "/" + name + ".yaml";
    }

    /** The sample file of this category, relative to the samples folder. */
    public String sampleFile() {
        return family + "/" + name + ".yaml";
    }

    /** The catalog file holding this category's advice, relative to the rules folder. */
    public String catalogFile() {
        return "catalog/" + family + ".yaml";
    }

    @Override
    public int compareTo(CategoryId other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return family + "." + name;
    }
}

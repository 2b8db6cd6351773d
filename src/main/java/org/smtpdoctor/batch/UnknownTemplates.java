package org.smtpdoctor.batch;

import java.io.Serializable;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The replies that ended on the fallback layer (unknown.*), grouped by template, with a count and the
 * first real example of each: what the rule base should learn next. At most {@link #MAX_TEMPLATES}
 * templates of at most {@link #MAX_TEXT_CHARS} characters are kept, so a log full of unique or huge
 * garbage cannot exhaust memory; the texts of further templates are only counted ({@link #untracked()}).
 */
public final class UnknownTemplates implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int MAX_TEMPLATES = 5_000;
    /** Templates and examples keep their first 4 KiB: a megabyte-long unknown line must not stay whole. */
    static final int MAX_TEXT_CHARS = 4096;
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private long untracked;

    /**
     * One template.
     *
     * @param template the reply with its variable parts masked
     * @param count    how many inputs had it
     * @param example  the first of them, as given (credentials masked)
     * @param category the fallback category it got (unknown.transient, unknown.permanent, unknown.unclassified)
     */
    public record Group(String template, long count, String example, String category) implements Serializable {
    }

    void count(String template, String example, String category) {
        add(cut(template), 1, cut(example), category);
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEXT_CHARS ? text : text.substring(0, MAX_TEXT_CHARS);
    }

    private void add(String template, long count, String example, String category) {
        Group group = groups.get(template);
        if (group != null) {
            groups.put(template, new Group(template, group.count() + count, group.example(), group.category()));
        } else if (groups.size() < MAX_TEMPLATES) {
            groups.put(template, new Group(template, count, example, category));
        } else {
            untracked += count;
        }
    }

    /** Adds the groups of {@code later}, gathered from input after this one's (so examples stay the first). */
    void add(UnknownTemplates later) {
        later.groups.values().forEach(g -> add(g.template(), g.count(), g.example(), g.category()));
        untracked += later.untracked;
    }

    /** How many distinct templates were kept. */
    public int distinct() {
        return groups.size();
    }

    /** Inputs whose template came after the limit of kept templates. */
    public long untracked() {
        return untracked;
    }

    /** The {@code n} most frequent templates, most frequent first (ties in order of first appearance). */
    public List<Group> top(int n) {
        return groups.values().stream()
                .sorted(Comparator.comparingLong(Group::count).reversed())
                .limit(n)
                .toList();
    }
}

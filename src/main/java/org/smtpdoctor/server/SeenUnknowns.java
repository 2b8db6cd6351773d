package org.smtpdoctor.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The unknown replies this server has seen (diagnosed on the fallback layer), grouped by template, most frequent
 * first: what staff should teach next. Bounded like batch's list: at most {@link #MAX_TEMPLATES} templates of at
 * most {@link #MAX_CHARS} characters, so a flood of unique garbage cannot exhaust memory; later ones are counted
 * only. Lives as long as the process (a restart forgets it; the batch unknowns command reads whole logs).
 */
final class SeenUnknowns {
    static final int MAX_TEMPLATES = 2_000;
    static final int MAX_CHARS = 2_048;

    record Seen(String template, long count, String example, String category) {
    }

    private final Map<String, Seen> groups = new HashMap<>();
    private long untracked;

    synchronized void add(String template, long count, String example, String category) {
        String key = cut(template);
        Seen known = groups.get(key);
        if (known != null) {
            groups.put(key, new Seen(key, known.count() + count, known.example(), known.category()));
        } else if (groups.size() < MAX_TEMPLATES) {
            groups.put(key, new Seen(key, count, cut(example), category));
        } else {
            untracked += count;
        }
    }

    synchronized List<Seen> top(int n) {
        List<Seen> all = new ArrayList<>(groups.values());
        all.sort(Comparator.comparingLong(Seen::count).reversed().thenComparing(Seen::template));
        return List.copyOf(all.subList(0, Math.min(n, all.size())));
    }

    synchronized long untracked() {
        return untracked;
    }

    private static String cut(String text) {
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS);
    }
}

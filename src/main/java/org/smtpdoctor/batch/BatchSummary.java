package org.smtpdoctor.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smtpdoctor.engine.Diagnosis;
import org.smtpdoctor.source.CategoryId;

/**
 * Counts of a batch run: records in all, per category, family, basis, retry and actor; records that could
 * not be read; blank records (their record is written, but there was nothing to diagnose, so they count in no
 * category and never as unknown); lines of mail logs that were not error entries; and the templates of the replies no rule
 * recognised ({@link UnknownTemplates}). Serializable, so that runners on several machines (Spark) can add up theirs.
 */
public final class BatchSummary implements Serializable {
    private static final long serialVersionUID = 1L;
    private long records;
    private long unreadable;
    private long blank;
    private long overlong;
    private long otherLines;
    // Hashed, not sorted: five counts per record, and every reader sorts them by count (sortedByCount).
    private final Map<String, Long> categories = new HashMap<>();
    private final Map<String, Long> families = new HashMap<>();
    /** The family of each category seen: parsed once per category, not once per record. */
    private final Map<String, String> familyOf = new HashMap<>();
    private final Map<String, Long> bases = new HashMap<>();
    private final Map<String, Long> retries = new HashMap<>();
    private final Map<String, Long> actors = new HashMap<>();
    private final UnknownTemplates unknowns = new UnknownTemplates();

    void count(Diagnosis d, boolean wasOverlong) {
        records++;
        overlong += wasOverlong ? 1 : 0;
        categories.merge(d.category(), 1L, Long::sum);
        families.merge(familyOf.computeIfAbsent(d.category(),
                c -> CategoryId.parse(c).map(CategoryId::family).orElse(c)), 1L, Long::sum);
        bases.merge(d.basis().id(), 1L, Long::sum);
        retries.merge(d.retry().id(), 1L, Long::sum);
        actors.merge(d.actor().id(), 1L, Long::sum);
    }

    /**
     * Whether {@code text} is blank: empty, or only whitespace and space characters (a no-break space too,
     * which {@link String#isBlank} does not count). Such a text is nothing to diagnose and nothing to learn.
     */
    public static boolean isBlank(String text) {
        // A loop, not a stream of code points: asked of every record, and nearly every text ends it at its first character.
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /** A record whose text is empty or only whitespace: written, but no diagnosis to count. */
    void countBlank(boolean wasOverlong) {
        records++;
        blank++;
        overlong += wasOverlong ? 1 : 0;
    }

    void countUnreadable() {
        records++;
        unreadable++;
    }

    void countOtherLines(long lines) {
        otherLines += lines;
    }

    /** Adds the counts of {@code later}, a summary of input that came after this one's. */
    public void add(BatchSummary later) {
        records += later.records;
        unreadable += later.unreadable;
        blank += later.blank;
        overlong += later.overlong;
        otherLines += later.otherLines;
        later.categories.forEach((k, v) -> categories.merge(k, v, Long::sum));
        later.families.forEach((k, v) -> families.merge(k, v, Long::sum));
        later.bases.forEach((k, v) -> bases.merge(k, v, Long::sum));
        later.retries.forEach((k, v) -> retries.merge(k, v, Long::sum));
        later.actors.forEach((k, v) -> actors.merge(k, v, Long::sum));
        unknowns.add(later.unknowns);
    }

    /** Output records in all (one per input line, or per error entry of a mail log). */
    public long records() {
        return records;
    }

    /** Records of input lines that could not be read (malformed JSON or CSV). */
    public long unreadable() {
        return unreadable;
    }

    /** Records of blank or whitespace-only input: written, not diagnosed, in no category. */
    public long blank() {
        return blank;
    }

    /** Mail log lines that are not error entries: read and counted, not diagnosed. */
    public long otherLines() {
        return otherLines;
    }

    /** Records per category, most frequent first (ties by id). */
    public Map<String, Long> categories() {
        return sortedByCount(categories);
    }

    /** Records per basis, most frequent first. */
    public Map<String, Long> bases() {
        return sortedByCount(bases);
    }

    /** The replies no rule recognised, grouped by template. */
    public UnknownTemplates unknowns() {
        return unknowns;
    }

    private static Map<String, Long> sortedByCount(Map<String, Long> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** A readable report: counts per category, family, retry and actor with shares, and the top unknown templates. */
    public String table() {
        StringBuilder out = new StringBuilder();
        section(out, "category", categories);
        section(out, "family", families);
        section(out, "basis", bases);
        section(out, "retry", retries);
        section(out, "actor", actors);
        out.append(String.format("%-40s %10d%n", "total records", records));
        if (unreadable > 0) {
            out.append(String.format("%-40s %10d%n", "unreadable records", unreadable));
        }
        if (blank > 0) {
            out.append(String.format("%-40s %10d%n", "blank records (nothing to diagnose)", blank));
        }
        if (overlong > 0) {
            out.append(String.format("%-40s %10d%n", "lines cut at " + LineReader.MAX_LINE_CHARS + " chars", overlong));
        }
        if (otherLines > 0) {
            out.append(String.format("%-40s %10d%n", "other mail log lines (not errors)", otherLines));
        }
        List<UnknownTemplates.Group> top = unknowns.top(10);
        if (!top.isEmpty()) {
            out.append(String.format("%ntop unknown templates (%d distinct)%n", unknowns.distinct()));
            top.forEach(g -> out.append(String.format("%10d  %s%n", g.count(), abbreviate(g.template()))));
        }
        return out.toString();
    }

    private void section(StringBuilder out, String title, Map<String, Long> counts) {
        out.append(String.format("%-40s %10s %7s%n", title, "records", "share"));
        sortedByCount(counts).forEach((key, n) -> out.append(String.format("  %-38s %10d %6.1f%%%n", key, n,
                100.0 * n / Math.max(records, 1))));
        out.append('\n');
    }

    private static String abbreviate(String text) {
        return text.length() <= 110 ? text : text.substring(0, 107) + "...";
    }

    /** The summary as JSON: records, unreadable, blank, overlong, otherLines, and the counts and top unknown templates. */
    public ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode();
        node.put("records", records);
        node.put("unreadable", unreadable);
        node.put("blank", blank);
        node.put("overlong", overlong);
        node.put("otherLines", otherLines);
        categories().forEach(node.putObject("categories")::put);
        sortedByCount(families).forEach(node.putObject("families")::put);
        bases().forEach(node.putObject("bases")::put);
        sortedByCount(retries).forEach(node.putObject("retry")::put);
        sortedByCount(actors).forEach(node.putObject("actor")::put);
        node.put("unknownTemplates", unknowns.distinct());
        unknowns.top(50).forEach(g -> node.withArray("topUnknownTemplates").addObject()
                .put("count", g.count()).put("template", g.template()).put("example", g.example())
                .put("category", g.category()));
        return node;
    }
}

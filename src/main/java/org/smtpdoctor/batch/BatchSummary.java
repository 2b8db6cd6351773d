package org.smtpdoctor.batch;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Counts of a batch run: records in all, per category and per basis. */
public final class BatchSummary {
    private long records;
    private final Map<String, Long> categories = new TreeMap<>();
    private final Map<String, Long> bases = new TreeMap<>();

    void count(String category, String basis) {
        records++;
        categories.merge(category, 1L, Long::sum);
        bases.merge(basis, 1L, Long::sum);
    }

    public long records() {
        return records;
    }

    /** Records per category, most frequent first (ties by id). */
    public Map<String, Long> categories() {
        return sortedByCount(categories);
    }

    /** Records per basis, most frequent first. */
    public Map<String, Long> bases() {
        return sortedByCount(bases);
    }

    private static Map<String, Long> sortedByCount(Map<String, Long> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** A readable table: one line per category with its count and share. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-32s %10s %7s%n", "category", "records", "share"));
        categories().forEach((category, n) -> out.append(String.format("%-32s %10d %6.1f%%%n", category, n,
                100.0 * n / Math.max(records, 1))));
        out.append(String.format("%-32s %10d%n", "total", records));
        return out.toString();
    }
}

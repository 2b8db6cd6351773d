package org.smtpdoctor.samples;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smtpdoctor.catalog.Category;
import org.smtpdoctor.catalog.Taxonomy;
import org.smtpdoctor.engine.Basis;

/**
 * How well the rules and sample cases cover the taxonomy: per category, its wording rules, the cases
 * that expect it and the negative cases in its file (confusable texts that must land elsewhere); per
 * family, which layer decided its cases, so that replies left to the code tables or the fallback show.
 */
public final class SampleCoverage {

    /** One category's figures; {@code negatives} are the cases in its sample file that expect another category. */
    public record CategoryRow(String category, int rules, int samples, int negatives) {
    }

    /** One family's cases (by expected category), counted by the layer that decided each. */
    public record FamilyRow(String family, int samples, Map<Basis, Integer> byBasis) {
    }

    private final Map<String, CategoryRow> categories;
    private final Map<String, FamilyRow> families;

    private SampleCoverage(Map<String, CategoryRow> categories, Map<String, FamilyRow> families) {
        this.categories = categories;
        this.families = families;
    }

    /**
     * Counts coverage from verified cases.
     *
     * @param taxonomy   the categories, in precedence order (the order of the report)
     * @param ruleCounts wording rules per category id
     * @param results    the verified sample cases (cases that could not run count as samples, not by layer)
     */
    public static SampleCoverage of(Taxonomy taxonomy, Map<String, Integer> ruleCounts, List<SampleResult> results) {
        Map<String, CategoryRow> categories = new LinkedHashMap<>();
        Map<String, FamilyRow> families = new LinkedHashMap<>();
        for (Category c : taxonomy.categories()) {
            int samples = 0;
            int negatives = 0;
            for (SampleResult r : results) {
                SampleCase s = r.sample();
                samples += s.expect().equals(c.id()) ? 1 : 0;
                negatives += !s.expect().equals(c.id()) && c.id().equals(SampleLoader.categoryOf(s.file())) ? 1 : 0;
            }
            categories.put(c.id(), new CategoryRow(c.id(), ruleCounts.getOrDefault(c.id(), 0), samples, negatives));
            families.putIfAbsent(c.family(), new FamilyRow(c.family(), 0, new EnumMap<>(Basis.class)));
        }
        for (SampleResult r : results) {
            Category expected = taxonomy.get(r.sample().expect());
            if (expected == null) {
                continue;
            }
            FamilyRow row = families.get(expected.family());
            Map<Basis, Integer> byBasis = row.byBasis();
            if (r.diagnosis() != null) {
                byBasis.merge(r.diagnosis().basis(), 1, Integer::sum);
            }
            families.put(row.family(), new FamilyRow(row.family(), row.samples() + 1, byBasis));
        }
        return new SampleCoverage(categories, families);
    }

    /** Every category of the taxonomy, in precedence order. */
    public List<CategoryRow> categories() {
        return List.copyOf(categories.values());
    }

    /** Every family, in the order of its first category. */
    public List<FamilyRow> families() {
        return List.copyOf(families.values());
    }

    /** The figures of one category, or null when the taxonomy has no such id. */
    public CategoryRow category(String id) {
        return categories.get(id);
    }

    /** The figures of one family, or null. */
    public FamilyRow family(String family) {
        return families.get(family);
    }

    /** The report as text lines: totals, one line per category, one line per family. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        int rules = 0;
        int samples = 0;
        int negatives = 0;
        int withRules = 0;
        int withSamples = 0;
        for (CategoryRow c : categories.values()) {
            rules += c.rules();
            samples += c.samples();
            negatives += c.negatives();
            withRules += c.rules() > 0 ? 1 : 0;
            withSamples += c.samples() > 0 ? 1 : 0;
        }
        lines.add("coverage: " + samples + " sample cases (" + negatives + " negative) over " + withSamples
                + " categories; " + rules + " rules in " + withRules + " categories");
        lines.add(String.format("%-30s %5s %7s %9s", "category", "rules", "samples", "negatives"));
        for (CategoryRow c : categories.values()) {
            lines.add(String.format("%-30s %5d %7d %9d", c.category(), c.rules(), c.samples(), c.negatives()));
        }
        lines.add(String.format("%-12s %7s %7s %7s %5s %13s %10s %5s", "family", "samples", "pattern", "concept",
                "stage", "enhanced-code", "reply-code", "none"));
        for (FamilyRow f : families.values()) {
            lines.add(String.format("%-12s %7d %7d %7d %5d %13d %10d %5d", f.family(), f.samples(), count(f, Basis.PATTERN),
                    count(f, Basis.CONCEPT), count(f, Basis.STAGE), count(f, Basis.ENHANCED_CODE), count(f, Basis.REPLY_CODE),
                    count(f, Basis.NONE)));
        }
        return lines;
    }

    private static int count(FamilyRow row, Basis basis) {
        return row.byBasis().getOrDefault(basis, 0);
    }
}

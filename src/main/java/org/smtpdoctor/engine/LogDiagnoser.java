package org.smtpdoctor.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smtpdoctor.reply.ReplyTemplate;
import org.smtpdoctor.reply.SecretRedactor;

/**
 * Diagnoses the lines of a log, each exactly as {@link Diagnoser#diagnose(String)} would, with the rules run once
 * per template ({@link ReplyTemplate}) rather than once per line: a log holds the same few hundred replies a
 * million times, with other addresses, ids and hosts. Made by {@link Diagnoser#forLog()}; batch runs use one.
 *
 * <p>Why the answer stays the line's own: the template keeps everything the decision reads (reply codes,
 * enhanced codes, words, every word a rule pattern names) and masks only addresses, hosts, ids and
 * numbers, with their lengths. The parameters are never another line's: when the first line of a
 * template is diagnosed, each parameter value is matched to the masked part it came from, and later
 * lines take that part from their own text. When a value only overlaps a masked part (one holds part of
 * the other: a value built from it, or a literal "Microsoft 365" next to a timestamp's "36" by chance),
 * a variant of the first line with those parts' digits changed is diagnosed too, and the template is
 * cached only if the rules give the variant exactly what the cache would; otherwise it is marked
 * uncached, and its lines are diagnosed in full. Lines longer than {@link #MAX_CACHED_CHARS} are always
 * diagnosed in full, so the parser's length limits never differ within a template. On a log whose lines do not
 * repeat, the cache steps aside for a while ({@link CachePayoff}): masking them would cost without saving.
 *
 * <p>Thread-safe; the cache is bounded by the characters it holds (least recently used templates go first).
 */
public final class LogDiagnoser {
    /** The parser's 8 KiB text limit: a cached line is never one the parser truncates (its text is no longer). */
    static final int MAX_CACHED_CHARS = 8 * 1024;
    /** Characters of templates and inputs the cache holds at most (some 50 MB of heap). */
    private static final long MAX_CACHED_TOTAL_CHARS = 25_000_000;
    /** What an entry costs beyond its two texts, counted in characters (the diagnosis and map objects). */
    private static final int ENTRY_CHARS = 200;
    private static final Entry UNCACHED = new Entry(null, Map.of(), false);

    private final Diagnoser diagnoser;
    private final ReplyTemplate templates;
    private final Cache<String, Entry> cache;
    private final CachePayoff payoff;

    LogDiagnoser(Diagnoser diagnoser, ReplyTemplate templates, CachePayoff payoff) {
        this.diagnoser = diagnoser;
        this.templates = templates;
        this.payoff = payoff;
        // Bounded by characters rather than entries: 50,000 templates of 8 KiB lines would not fit a small
        // heap, while a log of short replies keeps every template it has. ENTRY_CHARS stands for the rest.
        this.cache = Caffeine.newBuilder().maximumWeight(MAX_CACHED_TOTAL_CHARS)
                .weigher((String template, Entry entry) -> ENTRY_CHARS + template.length()
                        + (entry.prototype == null ? 0 : entry.prototype.input().length()))
                .build();
    }

    /**
     * The diagnosis of one line (the same as {@code diagnoser.diagnose(line)}), with its template and, when the
     * rules did not run for it, the diagnosis it was served from.
     */
    public Line diagnose(String line) {
        if (line.length() > MAX_CACHED_CHARS || !payoff.useCache()) {
            return new Line(diagnoser.diagnose(line), null, null);
        }
        // The parser redacts credentials first; templating the redacted text keeps secrets out of keys.
        String redacted = SecretRedactor.redact(line);
        ReplyTemplate.Masked masked = templates.mask(redacted);
        Entry entry = cache.getIfPresent(masked.template());
        Diagnosis served = entry == null || entry == UNCACHED ? null : fromCache(entry, redacted, masked);
        payoff.count(served != null);
        if (served != null) {
            return new Line(served, masked.template(), entry.sharedRecord());
        }
        Diagnosis full = diagnoser.diagnose(line);
        if (entry == null) {
            entry = firstLine(full, redacted, masked);
            cache.put(masked.template(), entry);
            return new Line(full, masked.template(), entry == UNCACHED ? null : entry.sharedRecord());
        }
        return new Line(full, masked.template(), null);
    }

    /** The line's diagnosis from its template's entry, or null when its masked parts do not fit the entry's. */
    private static Diagnosis fromCache(Entry entry, String redacted, ReplyTemplate.Masked masked) {
        if (entry.prototype.input().equals(redacted)) {
            return entry.prototype;
        }
        Map<String, String> params = entry.params(masked.masked());
        return params == null ? null : entry.prototype.forText(redacted, params);
    }

    /** The cache entry of a template from its first line's full diagnosis. */
    private Entry firstLine(Diagnosis full, String redacted, ReplyTemplate.Masked masked) {
        BitSet overlapping = new BitSet();
        Entry entry = Entry.of(full, masked.masked(), overlapping);
        return overlapping.isEmpty() || confirmedByVariant(entry, redacted, masked, overlapping) ? entry : UNCACHED;
    }

    /**
     * Whether the parameters ignore the masked parts they only overlap: the first line with those parts'
     * digits changed must keep its template and get from the rules the category and parameters the
     * cache would give it. Parts without digits cannot be varied, so they fail the test.
     */
    private boolean confirmedByVariant(Entry entry, String redacted, ReplyTemplate.Masked masked, BitSet overlapping) {
        String variant = masked.withDigitsShifted(redacted, overlapping);
        if (variant == null) {
            return false;
        }
        ReplyTemplate.Masked variantMasked = templates.mask(variant);
        if (!variantMasked.template().equals(masked.template())) {
            return false;
        }
        Diagnosis full = diagnoser.diagnose(variant);
        return full.category().equals(entry.prototype.category())
                && full.params().equals(entry.params(variantMasked.masked()));
    }

    /**
     * One line's diagnosis.
     *
     * @param diagnosis the line's diagnosis
     * @param template  the line's template, or null when the line did not go through the cache (too long, or
     *                  the cache stepped aside on a log whose lines do not repeat)
     * @param shared    a diagnosis that says exactly the same as this one except for its input, or null:
     *                  the rest of the line's record can be copied from that one's
     */
    public record Line(Diagnosis diagnosis, String template, Diagnosis shared) {
    }

    /**
     * A cached decision: the first line's diagnosis, and for each of its parameters the masked parts it
     * came from (empty: a value that is the same for the whole template). When a value was found in
     * several masked parts (the same host twice), a later line is served from the cache only if its own
     * parts there agree too, so whichever one the rule read, the value is the line's.
     */
    private record Entry(Diagnosis prototype, Map<String, int[]> sources, boolean shared) {

        /** The entry of {@code d}; sets in {@code overlapping} the masked parts that only overlap a value. */
        static Entry of(Diagnosis d, List<String> maskedParts, BitSet overlapping) {
            Map<String, int[]> sources = new LinkedHashMap<>();
            for (Map.Entry<String, String> param : d.params().entrySet()) {
                sources.put(param.getKey(), sourcesOf(param.getValue(), maskedParts, overlapping));
            }
            return new Entry(d, Map.copyOf(sources), sources.values().stream().allMatch(s -> s.length == 0));
        }

        /** The masked parts equal to {@code value}; those holding only some of it, or it them, go to {@code overlapping}. */
        private static int[] sourcesOf(String value, List<String> maskedParts, BitSet overlapping) {
            int[] equal = new int[0];
            for (int i = 0; i < maskedParts.size(); i++) {
                String part = maskedParts.get(i);
                if (part.equals(value)) {
                    equal = Arrays.copyOf(equal, equal.length + 1);
                    equal[equal.length - 1] = i;
                } else if (part.contains(value) || value.contains(part)) {
                    overlapping.set(i);
                }
            }
            return equal;
        }

        /** The prototype, when every line of the template has the same parameters as it; else null. */
        Diagnosis sharedRecord() {
            return shared ? prototype : null;
        }

        /** This line's parameters, or null when its masked parts disagree where the prototype's agreed. */
        Map<String, String> params(List<String> maskedParts) {
            if (shared) {
                return prototype.params();
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (Map.Entry<String, String> param : prototype.params().entrySet()) {
                int[] source = sources.get(param.getKey());
                String value = source.length == 0 ? param.getValue() : maskedParts.get(source[0]);
                for (int i = 1; i < source.length; i++) {
                    if (!maskedParts.get(source[i]).equals(value)) {
                        return null;
                    }
                }
                params.put(param.getKey(), value);
            }
            return params;
        }
    }
}

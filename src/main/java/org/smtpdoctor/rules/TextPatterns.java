package org.smtpdoctor.rules;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compiled form of every pattern a rule set uses, compiled once.
 *
 * <p>Patterns are RE2 syntax (RE2/J), matched case-insensitively. RE2 runs in time linear in the
 * input, so no pattern a rule author writes can make the engine hang on a long line.
 *
 * <p>The wordings of YAML rules are matched all at once: one pass over a text gives the set of wording
 * patterns that occur in it ({@link PatternSet}), and each wording set with a pattern among them becomes a
 * {@link Said} fact for the rules. The patterns of hand-written DRL ({@code has}/{@code find}) run one at a time, each behind a literal
 * prefilter ({@link RequiredLiterals}): a text that lacks all the words a match needs is not handed to the
 * regex engine. Neither changes a result; {@link #unfiltered()} runs every pattern by RE2/J alone, the
 * baseline for comparisons.
 */
public final class TextPatterns {
    private final Map<String, Pattern> compiled;
    private final Map<String, Optional<String[]>> required;
    /** Every wording pattern's source, each once; a wording set is a list of indexes into it. */
    private final List<String> wordingPatterns;
    /**
     * The wording patterns with named groups, by index: the programs a match's parameters are read with. The others
     * are kept as sources only ({@link PatternSet} compiles what it matches by regex; the phrases need no program).
     */
    private final Map<Integer, Pattern> withParameters;
    private final Map<String, Integer> wordingIndexes = new ConcurrentHashMap<>();
    private final Map<String, int[]> wordingSets;
    /** The sets that are another set's guards ({@code unless}), each with the id of the set it guards. */
    private final Map<String, String> guards = new ConcurrentHashMap<>();
    private final boolean prefilter;
    private volatile Scan scan;
    /** The baseline twin, made with this one: its scan compiles every pattern, far too costly to repeat per text. */
    private final TextPatterns unfiltered;

    /**
     * How the wording patterns are found in a text and, per pattern, its places in the wording sets (a pattern
     * written in two rules is matched once), each {@code set << 32 | position in the set}, and its program when it
     * has parameters: made on the first text, once every set is defined. A set that guards another ({@code unless}
     * wordings) has that set's index in {@code guardedSet}, else -1; {@code guardOnly} marks the patterns that only
     * guards hold.
     */
    private record Scan(PatternSet patterns, String[] setIds, int[][] setPatterns, long[][] placesOfPattern,
                        Pattern[] parameters, int[] guardedSet, boolean[] guardOnly) {
    }

    public TextPatterns() {
        this(new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ArrayList<>(), new ConcurrentHashMap<>(),
                new ConcurrentHashMap<>(), true);
    }

    private TextPatterns(Map<String, Pattern> compiled, Map<String, Optional<String[]>> required,
                         List<String> wordingPatterns, Map<Integer, Pattern> withParameters,
                         Map<String, int[]> wordingSets, boolean prefilter) {
        this.compiled = compiled;
        this.required = required;
        this.wordingPatterns = wordingPatterns;
        this.withParameters = withParameters;
        this.wordingSets = wordingSets;
        this.prefilter = prefilter;
        this.unfiltered = prefilter
                ? new TextPatterns(compiled, required, wordingPatterns, withParameters, wordingSets, false) : this;
    }

    /** The same patterns, every one always run: the baseline the prefilter is measured and tested against. */
    public TextPatterns unfiltered() {
        return unfiltered;
    }

    /**
     * Defines the wording set {@code id} (one rule's {@code says} or {@code unless}) as these patterns, RE2 sources
     * its caller has checked, matched case-insensitively, in the rule's order. Only while the rule set loads: the
     * first text matched fixes the set of patterns. When {@code guarded} names a set, these are the wordings of its
     * rule's {@code unless}: they matter only in a text that says that set, so a pattern of theirs that needs RE2/J's
     * look gets it only there (a rule with no {@code says} has no such set: pass null, its guards matter everywhere).
     */
    public synchronized void defineWordings(String id, List<String> patterns, String guarded) {
        if (scan != null) {
            throw new IllegalStateException("wordings are defined while the rule set loads, before any text is matched");
        }
        int[] indexes = new int[patterns.size()];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = wordingIndexes.computeIfAbsent(patterns.get(i), source -> {
                wordingPatterns.add(source);
                Pattern withGroups = namedGroupsOf(source);
                if (withGroups != null) {
                    withParameters.put(wordingPatterns.size() - 1, withGroups);
                }
                return wordingPatterns.size() - 1;
            });
        }
        wordingSets.put(id, indexes);
        if (guarded != null) {
            guards.put(id, guarded);
        }
    }

    /**
     * Makes the set {@code id}, which a hand-written rule reads itself, one that is said wherever it occurs, even
     * when it guards another set.
     */
    public synchronized void readDirectly(String id) {
        if (scan != null) {
            throw new IllegalStateException("wordings are defined while the rule set loads, before any text is matched");
        }
        guards.remove(id);
    }

    /**
     * The pattern compiled when it has named groups (parameters), else null. RE2 writes a named group
     * {@code (?P<name>...)} or {@code (?<name>...)}: a source without either has none and is not compiled here.
     */
    private static Pattern namedGroupsOf(String source) {
        if (!source.contains("(?P<") && !source.contains("(?<")) {
            return null;
        }
        Pattern compiled = Pattern.compile(source, Pattern.CASE_INSENSITIVE);
        return compiled.namedGroups().isEmpty() ? null : compiled;
    }

    /**
     * Builds the scan of every wording now rather than on the first text: for a loader with other work to do meanwhile
     * (Drools compiling the rules), on another core. Every set must be defined by then.
     */
    public void prepare() {
        scan();
    }

    /** Whether a wording set of this id is defined. */
    public boolean hasWordings(String id) {
        return wordingSets.containsKey(id);
    }

    /**
     * The wording sets that occur in {@code text}, each with the first of its patterns (in the rule's order) that
     * does: one pass over the text ({@link PatternSet}); unfiltered, by RE2/J on each pattern in turn. A guard
     * ({@code unless}) is left out where the set it guards is not said: common guard words (a host, a relay) are in
     * hundreds of rules' guards, and were nine in ten of the facts Drools was given. The baseline knows no guards
     * and gives them all, so the tests that compare the two show that leaving them out changes nothing.
     */
    List<Said> said(Reply reply, String text) {
        Scan index = scan();
        BitSet saysSets = new BitSet(index.setIds().length);
        int[] found = settle(index, index.patterns().candidates(text), text, saysSets);
        if (found.length == 0) {
            return List.of();
        }
        // The places of the patterns found, sorted: per set, its first is the earliest of its patterns that occurs.
        // Work in proportion to what the text says, never to a set's length (a concept rule has a thousand kernels).
        int[] guardedSet = index.guardedSet();
        int count = 0;
        for (int p : found) {
            count += index.placesOfPattern()[p].length;
        }
        long[] places = new long[count];
        count = 0;
        for (int p : found) {
            for (long place : index.placesOfPattern()[p]) {
                int guarded = guardedSet[(int) (place >>> 32)];
                if (guarded < 0 || saysSets.get(guarded)) {
                    places[count++] = place; // a guard whose rule is not said decides nothing: no fact, no memo key
                }
            }
        }
        Arrays.sort(places, 0, count);
        List<Said> said = new ArrayList<>();
        int previous = -1;
        for (int i = 0; i < count; i++) {
            int set = (int) (places[i] >>> 32);
            if (set != previous) {
                previous = set;
                int p = index.setPatterns()[set][(int) places[i]];
                TextMatch match = new TextMatch(index.parameters()[p], text, index.patterns().lead(p));
                said.add(new Said(reply, index.setIds()[set], match));
            }
        }
        return said;
    }

    /**
     * The sets among {@code ids} that occur in {@code text}, whatever the sets they guard: for a reader of the text
     * that no rule's exact wording took ({@code NearWordings}), whose guards are those of a whole category. A pass
     * over the text of its own, made only for the texts that need it.
     */
    public Set<String> occurring(String text, Set<String> ids) {
        Scan index = scan();
        Set<String> occurring = new HashSet<>();
        for (int p : index.patterns().candidates(text)) {
            Boolean confirmed = null;
            for (long place : index.placesOfPattern()[p]) {
                String id = index.setIds()[(int) (place >>> 32)];
                if (ids.contains(id) && !occurring.contains(id)) {
                    if (confirmed == null) {
                        confirmed = !index.patterns().isUnsure(p) || index.patterns().confirm(p, text);
                    }
                    if (confirmed) {
                        occurring.add(id);
                    }
                }
            }
        }
        return occurring;
    }

    /** Marks in {@code sets} the sets that are not guards and hold one of the first {@code count} of {@code found}. */
    private static void markSaysSets(Scan index, int[] found, int count, BitSet sets) {
        for (int i = 0; i < count; i++) {
            for (long place : index.placesOfPattern()[found[i]]) {
                int set = (int) (place >>> 32);
                if (index.guardedSet()[set] < 0) {
                    sets.set(set);
                }
            }
        }
    }

    /**
     * The candidates that occur: each unsure one confirmed by RE2/J, except the guards' that no set they guard
     * needs. A guard (a rule's {@code unless}) decides nothing where its rule's wordings do not occur, and the
     * guards that are more than phrases (a field label ending in a colon, one word alone) would otherwise run on
     * nearly every text. Marks in {@code saysSets} the sets said that are not guards (a guard's patterns say none).
     */
    private static int[] settle(Scan index, int[] found, String text, BitSet saysSets) {
        PatternSet patterns = index.patterns();
        int[] settled = new int[found.length];
        int count = 0;
        int[] guards = null;
        int guardCount = 0;
        for (int p : found) {
            if (!patterns.isUnsure(p)) {
                settled[count++] = p;
            } else if (index.guardOnly()[p]) {
                if (guards == null) {
                    guards = new int[found.length];
                }
                guards[guardCount++] = p;
            } else if (patterns.confirm(p, text)) {
                settled[count++] = p;
            }
        }
        markSaysSets(index, settled, count, saysSets);
        for (int g = 0; g < guardCount; g++) {
            int p = guards[g];
            for (long place : index.placesOfPattern()[p]) {
                if (saysSets.get(index.guardedSet()[(int) (place >>> 32)])) {
                    if (patterns.confirm(p, text)) {
                        settled[count++] = p;
                    }
                    break;
                }
            }
        }
        return count == settled.length ? settled : Arrays.copyOf(settled, count);
    }

    private Scan scan() {
        Scan index = scan;
        if (index == null) {
            synchronized (this) {
                index = scan;
                if (index == null) {
                    index = buildScan();
                    scan = index;
                }
            }
        }
        return index;
    }

    private Scan buildScan() {
        String[] ids = wordingSets.keySet().stream().sorted().toArray(String[]::new);
        int[][] setPatterns = new int[ids.length][];
        List<List<Long>> placesOf = new ArrayList<>();
        wordingPatterns.forEach(p -> placesOf.add(new ArrayList<>()));
        for (int set = 0; set < ids.length; set++) {
            setPatterns[set] = wordingSets.get(ids[set]);
            for (int position = 0; position < setPatterns[set].length; position++) {
                placesOf.get(setPatterns[set][position]).add((long) set << 32 | position);
            }
        }
        long[][] placesOfPattern = placesOf.stream().map(l -> l.stream().mapToLong(Long::longValue).toArray())
                .toArray(long[][]::new);
        Pattern[] parameters = new Pattern[wordingPatterns.size()];
        withParameters.forEach((p, program) -> parameters[p] = program);
        Map<String, Integer> setIndex = new HashMap<>();
        for (int set = 0; set < ids.length; set++) {
            setIndex.put(ids[set], set);
        }
        int[] guardedSet = new int[ids.length];
        for (int set = 0; set < ids.length; set++) {
            guardedSet[set] = setIndex.getOrDefault(guards.get(ids[set]), -1);
        }
        boolean[] guardOnly = new boolean[wordingPatterns.size()];
        for (int p = 0; p < guardOnly.length; p++) {
            guardOnly[p] = prefilter && placesOfPattern[p].length > 0;
            for (long place : placesOfPattern[p]) {
                guardOnly[p] &= guardedSet[(int) (place >>> 32)] >= 0;
            }
        }
        return new Scan(prefilter ? PatternSet.of(wordingPatterns) : PatternSet.eachInTurn(wordingPatterns), ids,
                setPatterns, placesOfPattern, parameters, guardedSet, guardOnly);
    }

    /**
     * Compiles a pattern now, so that a bad one is reported when the rules load rather than when a reply
     * first reaches it.
     *
     * @throws PatternSyntaxException when the pattern is not valid RE2 syntax
     */
    public Pattern compile(String pattern) {
        return compiled.computeIfAbsent(pattern, p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE));
    }

    /**
     * False when {@code foldedText} (the text from {@link #fold}) lacks every literal a match of
     * {@code pattern} needs, so the pattern cannot match; true when it may (or the prefilter is off).
     */
    boolean mayMatch(String pattern, String foldedText) {
        if (!prefilter) {
            return true;
        }
        String[] literals = required.computeIfAbsent(pattern,
                p -> Optional.ofNullable(RequiredLiterals.of(p)).map(set -> set.toArray(String[]::new))).orElse(null);
        return RequiredLiterals.anyIn(literals, foldedText);
    }

    /**
     * Whether the engine can look for {@code pattern} (an RE2 source) by a word every match contains, of at least
     * {@code letters} characters: else its regex runs on nearly every text, as the costly patterns a lint warns of.
     */
    public static boolean hasRequiredWord(String pattern, int letters) {
        Set<String> literals = RequiredLiterals.of(pattern);
        return literals != null && literals.stream().allMatch(l -> l.strip().length() >= letters);
    }

    /**
     * The text as the prefilter compares it: each character {@link #fold(char) folded}. Every character RE2's
     * case-insensitive matching takes for a literal's character folds to that character's fold, so a text
     * that lacks a literal's fold cannot match it.
     */
    static String fold(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char folded = fold(c);
            if (folded != c) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = folded;
            }
        }
        return chars == null ? text : new String(chars);
    }

    /**
     * One character as the prefilter compares it: lower case of the upper case, which puts the members of a case
     * orbit together (the long s and S, s; the Kelvin sign and K, k; Cyrillic and Latin letters with their own
     * capitals). {@link RequiredLiterals} uses non-ASCII literals only of the scripts where this is known to hold
     * (a test checks it against RE2/J's own folding).
     */
    static char fold(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }
}

package org.smtpdoctor.rules;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compiled form of every pattern a rule set uses, compiled once.
 *
 * <p>Patterns are RE2 syntax (RE2/J), matched case-insensitively. RE2 runs in time linear in the
 * input, so no pattern a rule author writes can make the engine hang on a long line.
 *
 * <p>Each pattern also gets a literal prefilter ({@link RequiredLiterals}): a text that lacks all the
 * words a match needs is not handed to the regex engine, which is most of the regex work saved on a
 * typical reply. The prefilter only ever skips patterns that cannot match, so results do not change;
 * {@link #unfiltered()} turns it off for comparisons.
 */
public final class TextPatterns {
    private final Map<String, Pattern> compiled;
    private final Map<String, Optional<String[]>> required;
    private final Map<String, List<String>> wordingSets;
    private final boolean prefilter;

    public TextPatterns() {
        this(new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), true);
    }

    private TextPatterns(Map<String, Pattern> compiled, Map<String, Optional<String[]>> required,
                         Map<String, List<String>> wordingSets, boolean prefilter) {
        this.compiled = compiled;
        this.required = required;
        this.wordingSets = wordingSets;
        this.prefilter = prefilter;
    }

    /** The same patterns, every one always run: the baseline the prefilter is measured and tested against. */
    public TextPatterns unfiltered() {
        return new TextPatterns(compiled, required, wordingSets, false);
    }

    /**
     * Defines the wording set {@code id} (one rule's {@code says} or {@code unless}) as these patterns, compiled
     * case-insensitively by the caller, in the rule's order.
     */
    public void defineWordings(String id, List<Pattern> patterns) {
        patterns.forEach(p -> compiled.putIfAbsent(p.pattern(), p));
        wordingSets.put(id, patterns.stream().map(Pattern::pattern).toList());
    }

    /** Whether a wording set of this id is defined. */
    public boolean hasWordings(String id) {
        return wordingSets.containsKey(id);
    }

    /** The patterns of wording set {@code id}, in order; empty for an id no rule file defines. */
    List<String> wordings(String id) {
        return wordingSets.getOrDefault(id, List.of());
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
        if (literals == null) {
            return true;
        }
        for (String literal : literals) {
            if (foldedText.contains(literal)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text as the prefilter compares it: ASCII letters lower-cased, and the two non-ASCII letters
     * that RE2 case-folds onto ASCII ones (U+017F long s, U+212A Kelvin sign) mapped onto them.
     */
    static String fold(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char folded = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c == '\u017F' ? 's' : c == '\u212A' ? 'k' : c;
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
     * The literal words of every compiled pattern (lower case): what a rule can see in a text. Template
     * masking leaves any part of a text that holds one of them as it is.
     */
    public Set<String> literalWords() {
        Set<String> words = new TreeSet<>();
        Collection<String> sources = List.copyOf(compiled.keySet());
        sources.forEach(p -> words.addAll(RequiredLiterals.words(p)));
        return words;
    }
}

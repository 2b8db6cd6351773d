package org.smtpdoctor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.batch.SampleTexts;
import org.smtpdoctor.reply.ReplyParser;
import org.smtpdoctor.source.CategoryId;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.SourceFile;
import org.smtpdoctor.source.SourceTree;
import org.smtpdoctor.wording.RuleFile;
import org.smtpdoctor.wording.RuleWording;
import org.smtpdoctor.wording.WordingRule;

/**
 * The one-pass set (the phrase automaton, and RE2/J on the few other patterns whose required phrase it found)
 * gives exactly the set RE2/J gives pattern by pattern: on an even spread of the sample texts (as the rules see them,
 * and as written), on texts mutated an attacker's way and on texts made to probe how characters are read; and on
 * every sample it agrees with RE2/J behind a literal prefilter, a second way made here. (RE2/J pattern by pattern
 * costs the patterns times the texts, tens of thousands by seventy thousand: a fixed budget of pattern runs sets how
 * many texts it reads, so the test's time stays put as the rules grow.)
 */
class PatternSetTest {
    private static final List<Pattern> PATTERNS = projectWordings();
    private static final PatternSet ONE_PASS = PatternSet.of(sources(PATTERNS));
    private static final LiteralWordings PHRASES = LiteralWordings.of(sources(PATTERNS));
    private static final BitSet PHRASE_PATTERNS = PHRASES.taken();
    /** Per pattern, the literals one of which a match needs, or null when it always runs: the second way. */
    private static final String[][] REQUIRED = PATTERNS.stream().map(p -> RequiredLiterals.of(p.pattern()))
            .map(l -> l == null ? null : l.toArray(String[]::new)).toArray(String[][]::new);
    /** Pattern runs RE2/J makes pattern by pattern, per test: about twelve seconds of one core per million. */
    private static final long RE2_RUNS = 20_000_000L;
    /** Sample texts also matched by RE2/J pattern by pattern; texts mutated an attacker's way. */
    private static final int REFERENCE_TEXTS = Math.max(200, (int) (RE2_RUNS / PATTERNS.size()));
    private static final int MUTATED_TEXTS = REFERENCE_TEXTS;
    private static final Map<String, BitSet> REFERENCE = new ConcurrentHashMap<>();
    /**
     * The second way's index: per pair of folded characters, the patterns one of whose required literals starts with
     * it (per character, for literals of one); a text can hold such a literal only where it holds its start.
     */
    private static final Map<Integer, int[]> BY_FIRST_PAIR = new HashMap<>();
    private static final Map<Character, int[]> BY_ONLY_CHARACTER = new HashMap<>();
    /** Patterns the index cannot leave out: those without a required literal, or with an empty one. */
    private static final BitSet ALWAYS_TRIED = new BitSet();
    private static final int[] NONE = {};

    static {
        Map<Integer, List<Integer>> byPair = new HashMap<>();
        Map<Character, List<Integer>> byCharacter = new HashMap<>();
        for (int i = 0; i < PATTERNS.size(); i++) {
            String[] literals = REQUIRED[i];
            if (literals == null || Arrays.stream(literals).anyMatch(String::isEmpty)) {
                ALWAYS_TRIED.set(i);
                continue;
            }
            for (String literal : literals) {
                if (literal.length() == 1) {
                    byCharacter.computeIfAbsent(literal.charAt(0), k -> new ArrayList<>()).add(i);
                } else {
                    byPair.computeIfAbsent(pair(literal, 0), k -> new ArrayList<>()).add(i);
                }
            }
        }
        byPair.forEach((pair, patterns) -> BY_FIRST_PAIR.put(pair, patterns.stream().mapToInt(Integer::intValue).toArray()));
        byCharacter.forEach((c, patterns) -> BY_ONLY_CHARACTER.put(c, patterns.stream().mapToInt(Integer::intValue).toArray()));
    }

    @Test
    void theOnePassSetGivesRe2sSetOnASpreadAndAgreesWithAPrefilteredRe2OnEverySample() {
        List<String> texts = sampleForms();
        Set<String> checkedOneByOne = new HashSet<>(SampleTexts.spread(texts, REFERENCE_TEXTS));
        List<BitSet> answers = texts.parallelStream().map(text -> {
            BitSet found = ONE_PASS.matching(text);
            BitSet expected = checkedOneByOne.contains(text) ? oneByOne(text) : prefiltered(text);
            assertThat(found).as(text).isEqualTo(expected);
            return found;
        }).toList();
        int otherThanAscii = 0;
        int matchedSomething = 0;
        int matchedByRegex = 0;
        for (int t = 0; t < texts.size(); t++) {
            BitSet found = answers.get(t);
            otherThanAscii += texts.get(t).chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? 0 : 1;
            matchedSomething += found.isEmpty() ? 0 : 1;
            BitSet regexes = (BitSet) found.clone();
            regexes.andNot(PHRASE_PATTERNS);
            matchedByRegex += regexes.isEmpty() ? 0 : 1;
        }
        assertThat(checkedOneByOne).hasSizeGreaterThanOrEqualTo(200);
        assertThat(PATTERNS).hasSizeGreaterThan(90);
        assertThat(matchedSomething).as("texts some wording occurs in").isGreaterThan(texts.size() / 2);
        assertThat(matchedByRegex).as("texts a wording with parameters occurs in").isGreaterThan(50);
        assertThat(otherThanAscii).as("texts not printable ASCII").isGreaterThan(texts.size() / 4);
        assertThat(PHRASE_PATTERNS.cardinality()).as("wordings that are plain phrases").isGreaterThan(PATTERNS.size() * 8 / 10);
    }

    @Test
    void phrasesReadCaseSpacesAndWordEdgesAsRe2Does() {
        List<Pattern> patterns = List.of(edged("ileti"), edged("straße"), compile("kelvin"), compile("a\\s+b"),
                edged("ошибка"), compile("設定"), edged("mx"), compile("\\(\\#AUTH005\\)"),
                edged("ışık"), compile("½x"), compile("σφάλμα"), edged("spamhaus"), edged("연결"),
                compile("\u2c81\u2c83"));
        LiteralWordings phrases = LiteralWordings.of(sources(patterns));
        BitSet taken = phrases.taken();
        assertThat(taken.cardinality()).isEqualTo(patterns.size() - 1); // Coptic is left to RE2/J
        for (String text : List.of("İleti", "ILETI", "ileti", "ıleti", "STRASSE", "STRAẞE", "Kelvin",
                "a \t\n b", "a\u000Bb", "a\u00A0b", "x\u043E\u0448\u0438\u0431\u043A\u0430", "\u0430\u043E\u0448\u0438\u0431\u043A\u0430",
                "\u8A2D\u5B9A\u043E\u0448\u0438\u0431\u043A\u0430", "\u30FC\u043E\u0448\u0438\u0431\u043A\u0430", "null mx.", "mx1", "\uD835\uDC00mx", "mx\uD83D\uDE00",
                "too many (#auth005)", "I\u015EIK", "\u0131\u015F\u0131k", "\u0130\u015E\u0130K", "\u00BDX", "\u03A3\u03A6\u0386\u039B\u039C\u0391", "\u03C3\u03C6\u03AC\u03BB\u03BC\u03B1", "\u2C80\u2C82",
                "Spamhaus\uB97C", "\uC5F0\uACB0\uC774 \uB04A\uC5B4\uC9D0", "\uBBF8\uC5F0\uACB0", "Spamhausx", "")) {
            BitSet expected = new BitSet();
            for (int i = 0; i < patterns.size(); i++) {
                if (taken.get(i) && patterns.get(i).matcher(text).find()) {
                    expected.set(i);
                }
            }
            BitSet found = bits(phrases.occurrences(text));
            assertThat(found.get(patterns.size() - 1)).as("Coptic, read by no phrase, is looked at in every text").isTrue();
            found.and(taken);
            assertThat(found).as(text).isEqualTo(expected);
        }
    }

    @Test
    void aPatternWithParametersIsLookedAtOnlyWhereItsPhrasesOccurInOrder() {
        String host = "(?P<host>[\\pL\\pN_](?:[\\pL\\pN_.-]{0,253}[\\pL\\pN])?)";
        String address = "(?P<address>[^\\s<>\"'(),;\\[\\]@]{1,64}@[\\pL\\pN_](?:[\\pL\\pN_.-]{0,253}[\\pL\\pN])?)";
        List<Pattern> patterns = List.of(edged("could\\s+not\\s+connect\\s+to\\s+" + host),
                compile("\\<(?P<address>[^\\s<>\"'(),;\\[\\]@]{1,64}@x)\\>\\:\\s+recipient\\s+address\\s+rejected"),
                compile("(?:[a-z]{1,50}\\s){1,50}exceeded"), compile("\\d{3}\\s+\\d"),
                edged("destinatario\\s+" + address + "\\s+desconocido"));
        LiteralWordings phrases = LiteralWordings.of(sources(patterns));
        assertThat(phrases.taken().isEmpty()).isTrue();
        // the first by its phrase (white space read as RE2's \s+ reads it); the second and the fifth where all their
        // phrases occur in their order, however far apart and across lines; the third by the one word every match
        // holds; the fourth (no literal at all) on every text
        assertThat(bits(phrases.occurrences("Could  NOT\tconnect to\nsmtp.example.com"))).isEqualTo(bits(0, 3));
        assertThat(bits(phrases.occurrences("could not connect"))).isEqualTo(bits(3));
        assertThat(bits(phrases.occurrences("connect to smtp.example.com"))).isEqualTo(bits(3));
        assertThat(bits(phrases.occurrences(">: Recipient  address rejected"))).isEqualTo(bits(3));
        assertThat(bits(phrases.occurrences("<a@x>: Recipient  address rejected"))).isEqualTo(bits(1, 3));
        assertThat(bits(phrases.occurrences(">: recipient address rejected <a@x>"))).isEqualTo(bits(3));
        assertThat(bits(phrases.occurrences("recipient rejected, quota EXCEEDED"))).isEqualTo(bits(2, 3));
        assertThat(bits(phrases.occurrences("Destinatario desconocido"))).isEqualTo(bits(3, 4));
        assertThat(bits(phrases.occurrences("desconocido: destinatario"))).isEqualTo(bits(3));
        assertThat(bits(phrases.occurrences("destinatario"))).isEqualTo(bits(3));
        PatternSet set = PatternSet.of(sources(patterns));
        String far = "x".repeat(64) + "@" + "a".repeat(200) + ".example";
        for (String text : List.of("Could  NOT\tconnect to\nsmtp.example.com", "could not connect to ",
                "<a@x>: recipient address rejected", "a<b@x>: recipient address rejected", "quota exceeded",
                "exceeded", "550 5", "", "Destinatario ana@example.com desconocido",
                "destinatario\n\tana@example.com\r\n desconocido", "destinatario " + far + " desconocido",
                "destinatario ana@example.com y destinatario bob@example.com desconocido", "destinatario desconocido",
                "destinatario ana@example.comdesconocido", "destinatario ana@example.com Desconocido!")) {
            BitSet expected = new BitSet();
            for (int i = 0; i < patterns.size(); i++) {
                if (patterns.get(i).matcher(text).find()) {
                    expected.set(i);
                }
            }
            assertThat(set.matching(text)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void textsReadDifferentlyFromPlainAsciiGetRe2sAnswer() {
        List<Pattern> patterns = List.of(compile("a\\s+b"), compile("limit$"), compile("kelvin"), compile("\u212Aelvin"),
                compile("(?:^|[^\\pL\\pN])über(?:[^\\pL\\pN]|$)"), compile("x{2,3}y"),
                compile("to\\s+[\\pL\\pN_](?:[\\pL\\pN_.-]{0,253}[\\pL\\pN])?\\s+on"));
        PatternSet set = PatternSet.of(sources(patterns));
        for (String text : List.of("a\u000Bb", "rate limit\n", "\u212Aelvin", "KELVIN", "Über alles", "x über y",
                "x uber y", "xxxy and a  b", "AB", "", "to smtp.examplａ.com on", "to smtp.exampl\u00E9.com on")) {
            BitSet expected = new BitSet();
            for (int i = 0; i < patterns.size(); i++) {
                if (patterns.get(i).matcher(text).find()) {
                    expected.set(i);
                }
            }
            assertThat(set.matching(text)).as(text).isEqualTo(expected);
        }
    }

    /**
     * Nothing RE2/J finds may be lost: sample texts, cut, joined to another and sprinkled with the characters an
     * attacker would try (letters of other scripts and cases, combining marks, look-alikes, full-width forms,
     * symbols, line breaks), give RE2/J's set.
     */
    @Test
    void noMutatedTextLosesOrGainsAMatch() {
        List<String> samples = SampleTexts.all().stream().filter(t -> !t.isEmpty()).distinct().toList();
        String noise = "ÄäÖöẞßſΣσςΐΰİıǅǆДдЁёЇїĲĳﬀＡａ０¹½·—«»“”\u00A0\u2028\u0301\u200B\t\r\n€漢カナ한";
        Random random = new Random(13);
        int compared = 0;
        for (int i = 0; i < MUTATED_TEXTS; i++) {
            String text = samples.get(random.nextInt(samples.size()));
            StringBuilder mutated = new StringBuilder(text);
            switch (i % 4) {
                case 0 -> mutated.insert(random.nextInt(mutated.length() + 1), noise.charAt(random.nextInt(noise.length())));
                case 1 -> mutated.setCharAt(random.nextInt(mutated.length()), noise.charAt(random.nextInt(noise.length())));
                case 2 -> mutated.append(' ').append(samples.get(random.nextInt(samples.size())));
                default -> mutated.replace(0, mutated.length(), random.nextBoolean() ? text.toUpperCase(Locale.ROOT)
                        : text.toLowerCase(Locale.ROOT));
            }
            String candidate = mutated.toString();
            assertThat(ONE_PASS.matching(candidate)).as(candidate).isEqualTo(oneByOne(candidate));
            compared++;
        }
        assertThat(compared).isEqualTo(MUTATED_TEXTS);
    }

    /**
     * RE2/J on the patterns whose required literal the folded text holds: the second way, cheap enough for every
     * sample, since only patterns with a literal starting with a pair of characters the text holds are looked at.
     */
    private static BitSet prefiltered(String text) {
        String folded = TextPatterns.fold(text);
        BitSet candidates = (BitSet) ALWAYS_TRIED.clone();
        for (int at = 0; at < folded.length(); at++) {
            for (int pattern : BY_ONLY_CHARACTER.getOrDefault(folded.charAt(at), NONE)) {
                candidates.set(pattern);
            }
            if (at + 1 < folded.length()) {
                for (int pattern : BY_FIRST_PAIR.getOrDefault(pair(folded, at), NONE)) {
                    candidates.set(pattern);
                }
            }
        }
        BitSet found = new BitSet();
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            if (RequiredLiterals.anyIn(REQUIRED[i], folded) && PATTERNS.get(i).matcher(text).find()) {
                found.set(i);
            }
        }
        return found;
    }

    private static int pair(String text, int at) {
        return text.charAt(at) << 16 | text.charAt(at + 1);
    }

    private static BitSet bits(int... indexes) {
        BitSet bits = new BitSet();
        IntStream.of(indexes).forEach(bits::set);
        return bits;
    }

    /**
     * RE2/J's own answer, pattern by pattern, on every core, each text's once: the tests share texts, and each costs
     * a few tenths of a second.
     */
    private static BitSet oneByOne(String text) {
        return (BitSet) REFERENCE.computeIfAbsent(text, t -> {
            BitSet found = new BitSet();
            IntStream.range(0, PATTERNS.size()).parallel().filter(i -> PATTERNS.get(i).matcher(t).find())
                    .forEachOrdered(found::set);
            return found;
        }).clone();
    }

    /** Every sample text as the rules see it and as written. */
    private static List<String> sampleForms() {
        ReplyParser parser = new ReplyParser();
        Set<String> texts = new LinkedHashSet<>();
        for (String sample : SampleTexts.all()) {
            texts.add(parser.parse(sample).text());
            texts.add(sample);
        }
        return List.copyOf(texts);
    }

    private static List<String> sources(List<Pattern> patterns) {
        return patterns.stream().map(Pattern::pattern).toList();
    }

    private static Pattern edged(String regex) {
        return compile(WordEdge.BEFORE + regex + WordEdge.AFTER);
    }

    private static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    static List<Pattern> projectWordings() {
        Problems problems = new Problems();
        Set<String> seen = new LinkedHashSet<>();
        List<Pattern> patterns = new ArrayList<>();
        for (SourceFile file : SourceTree.of(TestRules.PROJECT_RULES).files(".yaml")) {
            CategoryId category = file.name().contains("/") && !file.name().startsWith("catalog/")
                    && !file.name().startsWith("codes/") ? CategoryId.ofFile(file.name(), "yaml").orElse(null) : null;
            if (category == null) {
                continue;
            }
            for (WordingRule rule : RuleFile.read(category, file, problems).rules()) {
                List<RuleWording> wordings = new ArrayList<>(rule.says());
                wordings.addAll(rule.unless());
                for (RuleWording w : wordings) {
                    if (seen.add(w.wording().pattern())) {
                        patterns.add(w.wording().compile());
                    }
                }
            }
        }
        assertThat(problems.all()).isEmpty();
        return patterns;
    }
}

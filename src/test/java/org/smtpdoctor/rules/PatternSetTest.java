package org.smtpdoctor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.BitSet;
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
 * Every way of matching the wordings at once (the phrase automaton, Hyperscan, RE2/J behind a prefilter) gives
 * the same set on every sample text (as the rules see it, and as written), and exactly the set RE2/J gives pattern
 * by pattern on an even spread of them, on mutated texts and on texts where Hyperscan and RE2 read characters
 * differently. (RE2/J pattern by pattern costs the patterns times the texts, ten thousand by several thousand: the
 * spread keeps it to minutes as both grow; the three one-pass ways are compared on all of them.)
 */
class PatternSetTest {
    private static final List<Pattern> PATTERNS = projectWordings();
    /** Both sets of the project's wordings, built once: the one-pass database takes seconds to compile. */
    private static final Re2PatternSet JAVA = new Re2PatternSet(PATTERNS);
    private static final HyperscanPatternSet HYPERSCAN = new HyperscanPatternSet(PATTERNS, JAVA);
    private static final LiteralWordings PHRASES = LiteralWordings.of(sources(PATTERNS));
    private static final BitSet PHRASE_PATTERNS = PHRASES.taken();
    /** Sample texts also matched by RE2/J pattern by pattern; texts mutated an attacker's way. */
    private static final int REFERENCE_TEXTS = 1500;
    private static final int MUTATED_TEXTS = 1500;
    private static final Map<String, BitSet> REFERENCE = new ConcurrentHashMap<>();

    @Test
    void hyperscanThePhrasesAndThePureJavaPathAgreeOnEverySampleAndWithRe2OnASpread() {
        List<String> texts = sampleForms();
        Set<String> checkedOneByOne = new HashSet<>(SampleTexts.spread(texts, REFERENCE_TEXTS));
        int scanned = 0;
        int otherThanAscii = 0;
        int matchedSomething = 0;
        for (String text : texts) {
            BitSet expected = JAVA.matching(text);
            if (checkedOneByOne.contains(text)) {
                assertThat(expected).as(text).isEqualTo(oneByOne(text));
            }
            assertThat(HYPERSCAN.matching(text)).as(text).isEqualTo(expected);
            assertThat(PHRASES.matching(text)).as(text).isEqualTo(phrasesOf(expected));
            scanned += FoldedBytesPattern.scanForm(text) != null ? 1 : 0;
            otherThanAscii += HyperscanPatternSet.printableAscii(text) ? 0 : 1;
            matchedSomething += expected.isEmpty() ? 0 : 1;
        }
        assertThat(PATTERNS).hasSizeGreaterThan(90);
        assertThat(matchedSomething).as("texts some wording occurs in").isGreaterThan(texts.size() / 2);
        // Every text but a few (a vertical tab, the Kelvin sign...) is scanned by Hyperscan; the samples in Russian,
        // German, Chinese... (about half of them) are the ones the byte form widens for.
        assertThat(scanned).as("texts Hyperscan scanned").isGreaterThan(texts.size() * 9 / 10);
        assertThat(otherThanAscii).as("texts not printable ASCII").isGreaterThan(texts.size() / 4);
        assertThat(HYPERSCAN.refusedCount()).as("patterns left to RE2/J").isZero();
        assertThat(PHRASE_PATTERNS.cardinality()).as("wordings that are plain phrases").isGreaterThan(PATTERNS.size() * 8 / 10);
    }

    @Test
    void thePhrasesAndTheOtherPatternsTogetherGiveRe2sSet() {
        PatternSet combined = PatternSet.onePass(sources(PATTERNS), others -> PatternSet.hyperscanOr(others, new Re2PatternSet(others)));
        // Texts the test above also matched one by one, so RE2/J's answers are remembered, not run again.
        List<String> texts = SampleTexts.spread(SampleTexts.spread(sampleForms(), REFERENCE_TEXTS), 600);
        for (String text : texts) {
            assertThat(combined.matching(text)).as(text).isEqualTo(oneByOne(text));
        }
    }

    @Test
    void phrasesReadCaseSpacesAndWordEdgesAsRe2Does() {
        List<Pattern> patterns = List.of(edged("ileti"), edged("straße"), compile("kelvin"), compile("a\\s+b"),
                edged("ошибка"), compile("設定"), edged("mx"), compile("\\(\\#AUTH005\\)"),
                edged("ışık"), compile("½x"), compile("σφάλμα"), compile("\u2c81\u2c83"));
        LiteralWordings phrases = LiteralWordings.of(sources(patterns));
        assertThat(phrases.taken().cardinality()).isEqualTo(patterns.size() - 1); // Coptic is left to the regex matchers
        for (String text : List.of("İleti", "ILETI", "ileti", "ıleti", "STRASSE", "STRAẞE", "Kelvin",
                "a \t\n b", "a\u000Bb", "a\u00A0b", "x\u043E\u0448\u0438\u0431\u043A\u0430", "\u0430\u043E\u0448\u0438\u0431\u043A\u0430",
                "\u8A2D\u5B9A\u043E\u0448\u0438\u0431\u043A\u0430", "\u30FC\u043E\u0448\u0438\u0431\u043A\u0430", "null mx.", "mx1", "\uD835\uDC00mx", "mx\uD83D\uDE00",
                "too many (#auth005)", "I\u015EIK", "\u0131\u015F\u0131k", "\u0130\u015E\u0130K", "\u00BDX", "\u03A3\u03A6\u0386\u039B\u039C\u0391", "\u03C3\u03C6\u03AC\u03BB\u03BC\u03B1", "\u2C80\u2C82", "")) {
            BitSet expected = new BitSet();
            for (int i = 0; i < patterns.size(); i++) {
                if (phrases.taken().get(i) && patterns.get(i).matcher(text).find()) {
                    expected.set(i);
                }
            }
            assertThat(phrases.matching(text)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void textsHyperscanReadsDifferentlyGetRe2sAnswer() {
        List<Pattern> patterns = List.of(compile("a\\s+b"), compile("limit$"), compile("kelvin"), compile("\u212Aelvin"),
                compile("(?:^|[^\\pL\\pN])über(?:[^\\pL\\pN]|$)"), compile("x{2,3}y"),
                compile("to\\s+[\\pL\\pN_](?:[\\pL\\pN_.-]{0,253}[\\pL\\pN])?\\s+on"));
        Re2PatternSet java = new Re2PatternSet(patterns);
        HyperscanPatternSet hyperscan = new HyperscanPatternSet(patterns, java);
        for (String text : List.of("a\u000Bb", "rate limit\n", "\u212Aelvin", "KELVIN", "Über alles", "x über y",
                "x uber y", "xxxy and a  b", "AB", "", "to smtp.examplａ.com on", "to smtp.exampl\u00E9.com on")) {
            BitSet expected = new BitSet();
            for (int i = 0; i < patterns.size(); i++) {
                if (patterns.get(i).matcher(text).find()) {
                    expected.set(i);
                }
            }
            assertThat(hyperscan.matching(text)).as(text).isEqualTo(expected);
            assertThat(java.matching(text)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void aPatternHyperscanRefusesIsStillMatchedByRe2() {
        // Counted repeats nested to 2,500 repetitions: RE2 takes them, Hyperscan would compile them slowly.
        List<Pattern> patterns = List.of(compile("quota"), compile("(?:[a-z]{1,50}\\s){1,50}exceeded"));
        HyperscanPatternSet hyperscan = new HyperscanPatternSet(patterns, new Re2PatternSet(patterns));
        assertThat(hyperscan.refusedCount()).isEqualTo(1);
        assertThat(hyperscan.matching("mail quota exceeded")).isEqualTo(BitSet.valueOf(new long[] {0b11}));
    }

    @Test
    void aPatternHyperscanItselfRefusesGoesToRe2AndTheOthersStayInTheDatabase() {
        // The byte form takes an anchor inside a pattern; Hyperscan does not ("Embedded end anchors"), which its
        // compile of the whole database says first, then the one-by-one check finds.
        List<Pattern> patterns = List.of(compile("quota"), compile("(?:over$x|exceeded)"), compile("mailbox"));
        HyperscanPatternSet hyperscan = new HyperscanPatternSet(patterns, new Re2PatternSet(patterns));
        assertThat(hyperscan.refusedCount()).isEqualTo(1);
        assertThat(hyperscan.matching("quota exceeded")).isEqualTo(BitSet.valueOf(new long[] {0b011}));
        assertThat(hyperscan.matching("mailbox quota")).isEqualTo(BitSet.valueOf(new long[] {0b101}));
    }

    @Test
    void theByteFormKeepsWhatRe2MatchesAndSaysWhereItWidens() {
        assertThat(FoldedBytesPattern.of(WordEdge.BEFORE + "rate\\s+limit" + WordEdge.AFTER))
                .isEqualTo(new FoldedBytesPattern.Form("(?:^|[^A-Za-z0-9])rate\\s+limit(?:[^A-Za-z0-9]|$)", true));
        // A Cyrillic letter is the bytes of its fold; \pL and '.' take any byte from 0x80 up, a character's worth.
        assertThat(FoldedBytesPattern.of("ХОСТ\\s+\\pL+.x{2,5}"))
                .isEqualTo(new FoldedBytesPattern.Form("(?:\\xD1\\x85)(?:\\xD0\\xBE)(?:\\xD1\\x81)(?:\\xD1\\x82)\\s+"
                        + "[A-Za-z\\x80-\\xFF]+[\\x00-\\xFF]{1,4}x{2,5}", false));
        assertThat(FoldedBytesPattern.of("[^\\s@]{1,64}@").expression()).isEqualTo("[^\\s@]{1,}@");
        assertThat(FoldedBytesPattern.of("[хa]").expression()).isEqualTo("[a\\x80-\\xFF]{1,4}");
        // A literal '-' stays one: the high bytes after it must not make a range of it (a host's full-width letter
        // once fell outside "[_.-\x80-\xFF]", read as '.' to 0x80).
        assertThat(FoldedBytesPattern.of("[\\pL_.-]").expression()).isEqualTo("[A-Za-z_.\\-\\x80-\\xFF]{1,4}");
        assertThat(FoldedBytesPattern.of("\u212Aelvin").expression()).isEqualTo("[k\\x80-\\xFF]{1,4}elvin");
        for (String unsupported : List.of("\\p{Cyrillic}", "[^\\PL]", "\\bword", "(?i)x", "[[:alpha:]]", "[!-я]",
                "(?:x{1,100}){1,100}")) {
            assertThat(FoldedBytesPattern.of(unsupported)).as(unsupported).isNull();
        }
        assertThat(FoldedBytesPattern.of("(?:x{1,10}){1,10}")).isNotNull();
        assertThat(FoldedBytesPattern.scanForm("Ошибка SMTP")).isEqualTo("ошибка smtp");
        assertThat(FoldedBytesPattern.scanForm("İSTANBUL ılık")).isEqualTo("İstanbul ılık");
        assertThat(FoldedBytesPattern.of("ılık").expression()).isEqualTo("(?:\\xC4\\xB1)l(?:\\xC4\\xB1)k");
        for (String unread : List.of("a\u000Bb", "\u212Aelvin", "mi\u017Fs", "\uD83D\uDE00 smtp")) {
            assertThat(FoldedBytesPattern.scanForm(unread)).as(unread).isNull();
        }
    }

    /**
     * The byte form is a superset, so nothing RE2/J finds may be lost: every sample text, cut, joined to another
     * and sprinkled with the characters an attacker would try (letters of other scripts and cases, combining marks,
     * look-alikes, full-width forms, symbols, line breaks), gives RE2/J's set.
     */
    @Test
    void noMutatedTextLosesAMatchToTheByteForm() {
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
            BitSet expected = oneByOne(candidate);
            assertThat(HYPERSCAN.matching(candidate)).as(candidate).isEqualTo(expected);
            assertThat(PHRASES.matching(candidate)).as(candidate).isEqualTo(phrasesOf(expected));
            compared++;
        }
        assertThat(compared).isEqualTo(MUTATED_TEXTS);
    }

    /**
     * RE2/J's own answer, pattern by pattern, on every core, each text's once: the tests share texts, and each costs
     * a tenth of a second.
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

    /** Of RE2/J's set, the patterns the phrase automaton takes. */
    private static BitSet phrasesOf(BitSet expected) {
        BitSet phrases = (BitSet) expected.clone();
        phrases.and(PHRASE_PATTERNS);
        return phrases;
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

package org.smtpdoctor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
 * Both ways of matching every wording at once give exactly the set RE2/J gives pattern by pattern, on every
 * sample text (as the rules see it, and as written) and on texts where Hyperscan and RE2 read characters
 * differently.
 */
class PatternSetTest {
    private static final List<Pattern> PATTERNS = projectWordings();

    @Test
    void hyperscanAndThePureJavaPathAgreeWithRe2OnEverySample() {
        Re2PatternSet java = new Re2PatternSet(PATTERNS);
        HyperscanPatternSet hyperscan = new HyperscanPatternSet(PATTERNS, java);
        ReplyParser parser = new ReplyParser();
        Set<String> texts = new LinkedHashSet<>();
        for (String sample : SampleTexts.all()) {
            texts.add(parser.parse(sample).text());
            texts.add(sample);
        }
        int scanned = 0;
        int matchedSomething = 0;
        for (String text : texts) {
            BitSet expected = oneByOne(text);
            assertThat(java.matching(text)).as(text).isEqualTo(expected);
            assertThat(hyperscan.matching(text)).as(text).isEqualTo(expected);
            scanned += HyperscanPatternSet.printableAscii(text) ? 1 : 0;
            matchedSomething += expected.isEmpty() ? 0 : 1;
        }
        assertThat(PATTERNS).hasSizeGreaterThan(90);
        assertThat(matchedSomething).as("texts some wording occurs in").isGreaterThan(texts.size() / 2);
        // Samples in Russian, German, Chinese... are not printable ASCII and take the pure-Java path by design;
        // with the client libraries' messages in every language they ship, they are about a third of the samples.
        assertThat(scanned).as("texts Hyperscan itself scanned").isGreaterThan(texts.size() / 2);
        assertThat(hyperscan.refusedCount()).as("patterns left to RE2/J").isZero();
    }

    @Test
    void textsHyperscanReadsDifferentlyGetRe2sAnswer() {
        List<Pattern> patterns = List.of(compile("a\\s+b"), compile("limit$"), compile("kelvin"), compile("\u212Aelvin"),
                compile("(?:^|[^\\pL\\pN])über(?:[^\\pL\\pN]|$)"), compile("x{2,3}y"));
        Re2PatternSet java = new Re2PatternSet(patterns);
        HyperscanPatternSet hyperscan = new HyperscanPatternSet(patterns, java);
        for (String text : List.of("a\u000Bb", "rate limit\n", "\u212Aelvin", "KELVIN", "Über alles", "x über y",
                "x uber y", "xxxy and a  b", "AB", "")) {
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
    void theAsciiFormOfAPatternMeansTheSameOnAsciiText() {
        assertThat(AsciiPattern.of("(?:^|[^\\pL\\pN])rate\\s+limit(?:[^\\pL\\pN]|$)"))
                .isEqualTo("(?:^|[^A-Za-z0-9])rate\\s+limit(?:[^A-Za-z0-9]|$)");
        assertThat(AsciiPattern.of("\\p{L}+ \\\\pL")).isEqualTo("[A-Za-z]+ \\\\pL");
        assertThat(AsciiPattern.of("\\p{Cyrillic}")).isNull();
        assertThat(AsciiPattern.of("(?:^|[^\\pL\\pN]|[\\p{Han}\\p{Katakana}])smtp\\p{Hiragana}"))
                .isEqualTo("(?:^|[^A-Za-z0-9]|[\\x80\\x80])smtp[\\x80]");
        assertThat(AsciiPattern.of("[^\\PL]")).isNull();
        assertThat(AsciiPattern.of("\u212Aelvin")).isEqualTo("kelvin");
        assertThat(AsciiPattern.of("хост\\s+")).isEqualTo("\\x80\\x80\\x80\\x80\\s+");
        assertThat(AsciiPattern.of("[хa]")).isNull();
        assertThat(AsciiPattern.of("(?:x{1,100}){1,100}")).isNull();
        assertThat(AsciiPattern.of("(?:x{1,10}){1,10}")).isNotNull();
    }

    private static BitSet oneByOne(String text) {
        BitSet found = new BitSet();
        for (int i = 0; i < PATTERNS.size(); i++) {
            if (PATTERNS.get(i).matcher(text).find()) {
                found.set(i);
            }
        }
        return found;
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
                        patterns.add(w.wording().compiled());
                    }
                }
            }
        }
        assertThat(problems.all()).isEmpty();
        return patterns;
    }
}

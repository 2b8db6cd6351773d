package org.smtpdoctor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.batch.SampleTexts;

class RequiredLiteralsTest {

    @Test
    void aConcatenationNeedsItsLongestLiteral() {
        assertThat(RequiredLiterals.of("incorrect authentication data")).containsExactly("incorrect authentication data");
        assertThat(RequiredLiterals.of("(could not|couldn't|unable to) connect"))
                .containsExactly("could not connect", "couldn't connect", "unable to connect");
        assertThat(RequiredLiterals.of("(could not|unable to|[a-z]+) connect")).containsExactly(" connect");
        assertThat(RequiredLiterals.of("<(?P<address>[^<>\\s]+@[^<>\\s]+)>: sender address rejected: not owned by"))
                .containsExactly(">: sender address rejected: not owned by");
    }

    @Test
    void anAlternationNeedsOneLiteralOfEachBranch() {
        assertThat(RequiredLiterals.of("\\bvirus(es)?\\b|\\bmalware\\b|\\bINFECTED\\b"))
                .containsExactlyInAnyOrder("viruses", "virus", "malware", "infected");
        // an optional word multiplies into the exact wordings
        assertThat(RequiredLiterals.of("can ?not")).containsExactlyInAnyOrder("can not", "cannot");
    }

    @Test
    void aBranchWithoutACertainLiteralLeavesThePatternUnfiltered() {
        assertThat(RequiredLiterals.of("spam|\\d+")).isNull();
        assertThat(RequiredLiterals.of("(spam)?")).isNull();
        assertThat(RequiredLiterals.of("a|")).isNull();
        assertThat(RequiredLiterals.of("[a-z]+\\.ru")).containsExactly(".ru");
    }

    @Test
    void whatTheReaderDoesNotUnderstandGivesNoFilter() {
        assertThat(RequiredLiterals.of("(?s)spam")).isNull();
        assertThat(RequiredLiterals.of("\\Qspam\\E")).isNull();
        assertThat(RequiredLiterals.of("\u2c81\u2c83")).isNull(); // Coptic: a script no test has checked
    }

    @Test
    void lettersOfScriptsThatFoldSimplyAreLiteralsToo() {
        assertThat(RequiredLiterals.of("caf\u00e9")).containsExactly("caf\u00e9");
        assertThat(RequiredLiterals.of("\u041f\u0440\u0435\u0432\u044b\u0448\u0435\u043d")).containsExactly("\u043f\u0440\u0435\u0432\u044b\u0448\u0435\u043d");
        assertThat(RequiredLiterals.of("\u8fde\u63a5\u8d85\u65f6")).containsExactly("\u8fde\u63a5\u8d85\u65f6");
        TextPatterns filtered = new TextPatterns();
        String pattern = "\u043f\u0440\u0435\u0432\u044b\u0448\u0435\u043d\s+\u043b\u0438\u043c\u0438\u0442";
        assertThat(filtered.mayMatch(pattern, TextPatterns.fold("550 \u041f\u0420\u0415\u0412\u042b\u0428\u0415\u041d \u041b\u0418\u041c\u0418\u0422"))).isTrue();
        assertThat(filtered.mayMatch(pattern, TextPatterns.fold("550 \u043b\u0438\u043c\u0438\u0442"))).isFalse();
    }

    /**
     * The prefilter may rely on a non-ASCII literal only if every character RE2/J's case-insensitive matching takes
     * for it folds as it does: checked here for every character of the cased scripts {@code foldsSimply} accepts (marks
     * too: the Greek ypogegrammeni folds with iota), against every character
     * of the Basic Multilingual Plane.
     */
    @Test
    void everyCharacterRe2TakesForAnAcceptedLetterFoldsToItsFold() {
        StringBuilder everyChar = new StringBuilder();
        for (char c = 1; c < 0xD800; c++) {
            everyChar.append(c).append('\n');
        }
        for (char c = 0xE000; c < 0xFFFF; c++) {
            everyChar.append(c).append('\n');
        }
        String all = everyChar.toString();
        int checked = 0;
        for (char c = 0x80; c < 0xFFFF; c++) {
            if (!RequiredLiterals.foldsSimply(c) || Character.isIdeographic(c) || c >= 0xAC00 && c <= 0xD7A3
                    || c >= 0x3040 && c <= 0x30FF) {
                continue; // uncased scripts are their own fold; a few spot checks of them follow
            }
            var m = Pattern.compile("(?i)" + Pattern.quote(String.valueOf(c))).matcher(all);
            while (m.find()) {
                char taken = m.group().charAt(0);
                assertThat(TextPatterns.fold(taken)).as("U+%04X taken for U+%04X", (int) taken, (int) c)
                        .isEqualTo(TextPatterns.fold(c));
            }
            checked++;
        }
        assertThat(checked).as("characters of cased scripts checked").isGreaterThan(1_500);
        for (char c : new char[] {'\u8fde', '\u3042', '\uac00'}) {
            var m = Pattern.compile("(?i)" + c).matcher(all);
            assertThat(m.find() && m.group().charAt(0) == c && !m.find()).as("U+%04X has no case", (int) c).isTrue();
        }
    }

    @Test
    void theFilterNeverRejectsATextThePatternMatches() {
        List<String> patterns = List.of("can ?not connect", "\\bspam\\b.{0,30}(rejected|detected)",
                "(?P<limit>\\d{4,}) bytes|size (exceeds|over)", "\\?p=InvalidSecondFactor", "mailbox (is )?full");
        List<String> texts = List.of("CANNOT CONNECT", "Spam message rejected", "10000 bytes", "size OVER",
                "see https://x/?p=invalidsecondfactor", "MAILBOX FULL", "mailbox is full", "ſpam detected");
        TextPatterns filtered = new TextPatterns();
        for (String pattern : patterns) {
            Pattern compiled = filtered.compile(pattern);
            for (String text : texts) {
                if (compiled.matcher(text).find()) {
                    assertThat(filtered.mayMatch(pattern, TextPatterns.fold(text))).as(pattern + " on " + text).isTrue();
                }
            }
        }
        assertThat(filtered.mayMatch("mailbox (is )?full", TextPatterns.fold("user unknown"))).isFalse();
        assertThat(filtered.unfiltered().mayMatch("mailbox (is )?full", "user unknown")).isTrue();
        assertThat(filtered.unfiltered()).as("one baseline per rule set, not one per text").isSameAs(filtered.unfiltered());
    }

    @Test
    void aLeadIsTheStrongestLiteralOnlyBoundedPartsStandBefore() {
        assertThat(RequiredLiterals.lead("could not connect to (?P<host>\\S+)"))
                .isEqualTo(new RequiredLiterals.Lead(Set.of("could not connect to "), 0));
        // a word edge is a character at most (two UTF-16 units); nothing after \\s+ is at a bounded distance
        assertThat(RequiredLiterals.lead("(?:^|[^\\pL\\pN])duurde\\s+te\\s+langzaam"))
                .isEqualTo(new RequiredLiterals.Lead(Set.of("duurde"), 2));
        assertThat(RequiredLiterals.lead("(a|bc)d")).isEqualTo(new RequiredLiterals.Lead(Set.of("ad", "bcd"), 0));
        assertThat(RequiredLiterals.lead("x{2,3}yz")).isEqualTo(new RequiredLiterals.Lead(Set.of("yz"), 3));
        assertThat(RequiredLiterals.lead("(?:auflösen|résoudre)[\\s«»]*[\\pL-]+"))
                .isEqualTo(new RequiredLiterals.Lead(Set.of("auflösen", "résoudre"), 0));
        assertThat(RequiredLiterals.lead("\\d+ bytes")).isNull();
        assertThat(RequiredLiterals.lead(".*spam")).isNull();
        assertThat(RequiredLiterals.lead("spam|\\d+")).isNull();
        assertThat(RequiredLiterals.lead("(spam)?ham")).isEqualTo(new RequiredLiterals.Lead(Set.of("spamham", "ham"), 0));
        assertThat(RequiredLiterals.lead("a?b?c?")).isNull();
    }

    @Test
    void aMatchStartsNoEarlierThanItsLeadAllows() {
        RequiredLiterals.Lead lead = RequiredLiterals.lead("(?:^|[^\\pL\\pN])duurde\\s+te\\s+lang");
        assertThat(lead.earliestStart(TextPatterns.fold("De verbinding DUURDE te lang"))).isEqualTo(12);
        assertThat(lead.earliestStart("duurde")).isZero();
        assertThat(lead.earliestStart("te lang")).as("no match can occur").isEqualTo(-1);
    }

    @Test
    void parametersReadFromTheLeadAreTheFirstMatchs() {
        String source = "(?:^|[^\\pL\\pN])could\\s+not\\s+connect\\s+to\\s+(?P<host>[a-z.]+)";
        Pattern pattern = Pattern.compile(source, Pattern.CASE_INSENSITIVE);
        RequiredLiterals.Lead lead = RequiredLiterals.lead(source);
        assertThat(lead).isNotNull();
        for (String text : List.of("Could not connect to a.example", "could; could not: COULD NOT CONNECT TO b.example, could not connect to c.example",
                "xcould not connect to d.example; could not connect to e.example")) {
            assertThat(new TextMatch(pattern, text, lead).params()).as(text).isEqualTo(new TextMatch(pattern, text).params())
                    .isNotEmpty();
        }
    }

    /**
     * The property the regex engine relies on, on the project's own wordings that RE2/J runs (those the phrase automaton
     * does not answer for): wherever RE2/J finds a match, its start is no earlier than the lead's earliest start, on an
     * every sample, each also behind the start of a log line and in capitals (RE2/J runs where a literal the pattern
     * needs occurs).
     */
    @Test
    void noMatchOfAProjectWordingStartsBeforeItsLead() {
        List<Pattern> all = PatternSetTest.projectWordings();
        BitSet phrases = LiteralWordings.of(all.stream().map(Pattern::pattern).toList()).taken();
        List<Pattern> patterns = IntStream.range(0, all.size()).filter(i -> !phrases.get(i)).mapToObj(all::get).toList();
        List<String> texts = SampleTexts.all().stream().filter(t -> !t.isEmpty()).distinct().toList();
        List<String> forms = texts.stream().flatMap(t -> Stream.of(t,
                "2026-12-05 ERROR [mail-1] o.e.Mailer - to=<a.b@example.org>: " + t, t.toUpperCase(Locale.ROOT))).toList();
        List<String> folded = forms.stream().map(TextPatterns::fold).toList();
        int leads = 0;
        int checked = 0;
        for (Pattern pattern : patterns) {
            RequiredLiterals.Lead lead = RequiredLiterals.lead(pattern.pattern());
            Set<String> required = RequiredLiterals.of(pattern.pattern());
            if (lead == null || required == null) {
                continue;
            }
            leads++;
            String[] literals = required.toArray(String[]::new);
            for (int i = 0; i < forms.size(); i++) {
                if (RequiredLiterals.anyIn(literals, folded.get(i))) {
                    Matcher m = pattern.matcher(forms.get(i));
                    if (m.find()) {
                        assertThat(lead.earliestStart(folded.get(i))).as(pattern.pattern() + " on " + forms.get(i))
                                .isBetween(0, m.start());
                        checked++;
                    }
                }
            }
        }
        assertThat(patterns).as("wordings RE2/J runs").hasSizeGreaterThan(100);
        assertThat(leads).as("of them with a lead").isGreaterThan(patterns.size() / 2);
        assertThat(checked).as("matches checked").isGreaterThan(2_000);
    }
}

package org.smtpdoctor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}

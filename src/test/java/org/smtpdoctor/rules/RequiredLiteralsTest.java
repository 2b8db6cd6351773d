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
        assertThat(RequiredLiterals.of("caf\u00e9")).containsExactly("caf"); // non-ASCII letters are not relied on
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
    }

    @Test
    void theWordsARuleCanSeeAreItsLiteralStretchesWithTheirVariants() {
        assertThat(RequiredLiterals.words("\\b(spamhaus|ip)\\b.{0,9}(block|black) ?list|\\(#AUTH005\\)"))
                .contains("spamhaus", "ip", "blocklist", "black list", "(#auth005)").doesNotContain("list", "block");
        assertThat(RequiredLiterals.words("sign[- ]?in")).containsExactlyInAnyOrder("sign-in", "sign in", "signin");
        assertThat(RequiredLiterals.words("greylist(ed|ing)?")).containsExactlyInAnyOrder("greylist", "greylisted", "greylisting");
        assertThat(RequiredLiterals.words("x\\d+ (a|b|c|d|e)(f|g|h|i|j)")).contains(" a", " e").doesNotContain("x", "af");
    }
}

package org.smtpdoctor.rules;

import com.gliwka.hyperscan.wrapper.CompileErrorException;
import com.gliwka.hyperscan.wrapper.Database;
import com.gliwka.hyperscan.wrapper.Expression;
import com.gliwka.hyperscan.wrapper.ExpressionFlag;
import com.gliwka.hyperscan.wrapper.Match;
import com.gliwka.hyperscan.wrapper.Scanner;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;

/**
 * The {@link PatternSet} that scans a text once for every pattern: one Hyperscan database (a DFA-based,
 * linear-time multi-pattern matcher, native code) built at load.
 *
 * <p>Hyperscan reads the patterns with PCRE's meaning, which is RE2's on printable ASCII text; they part only on
 * other characters ({@code \s} takes a vertical tab, {@code $} a final line break, case folding of a few
 * non-ASCII letters). So Hyperscan scans, byte by byte, the texts of printable ASCII and tabs (nearly every
 * reply), with each pattern in its ASCII form ({@link AsciiPattern}); any other text, and any pattern that has
 * no ASCII form or that Hyperscan refuses, goes to RE2/J: the answer is always RE2/J's.
 */
final class HyperscanPatternSet implements PatternSet {
    private static final EnumSet<ExpressionFlag> FLAGS = EnumSet.of(ExpressionFlag.CASELESS,
            ExpressionFlag.SINGLEMATCH, ExpressionFlag.ALLOWEMPTY);
    private final Database database;
    /** The patterns Hyperscan refused, run by RE2/J on every text. */
    private final int[] refused;
    private final Re2PatternSet java;
    /** A scanner holds scratch space for one scan at a time: one per thread. */
    private final ThreadLocal<Scanner> scanners;

    /** @throws LinkageError or RuntimeException when the native library does not load here */
    HyperscanPatternSet(List<Pattern> patterns, Re2PatternSet java) {
        this.java = java;
        List<Expression> expressions = new ArrayList<>();
        List<Integer> refusedIndexes = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            String ascii = AsciiPattern.of(patterns.get(i).pattern());
            Expression expression = ascii == null ? null : new Expression(ascii, FLAGS, i);
            if (expression != null && expression.validate().isValid()) {
                expressions.add(expression);
            } else {
                refusedIndexes.add(i);
            }
        }
        this.refused = refusedIndexes.stream().mapToInt(Integer::intValue).toArray();
        try {
            this.database = Database.compile(expressions);
        } catch (CompileErrorException e) {
            // Each expression validated alone; together they can still exceed a limit of Hyperscan's.
            throw new IllegalStateException("Hyperscan could not build the wording database: " + e.getMessage(), e);
        }
        this.scanners = ThreadLocal.withInitial(() -> {
            Scanner scanner = new Scanner();
            scanner.allocScratch(database);
            return scanner;
        });
        scanners.get(); // fail here, at load, when the native scan does not work
    }

    @Override
    public BitSet matching(String text) {
        if (!printableAscii(text)) {
            return java.matching(text);
        }
        BitSet found = new BitSet();
        for (Match match : scanners.get().scan(database, text)) {
            found.set(match.getMatchedExpression().getId());
        }
        if (refused.length > 0) {
            String folded = TextPatterns.fold(text);
            for (int index : refused) {
                if (java.matches(index, text, folded)) {
                    found.set(index);
                }
            }
        }
        return found;
    }

    /** How many patterns Hyperscan refused (RE2/J runs them on every text). */
    int refusedCount() {
        return refused.length;
    }

    /** Whether Hyperscan and RE2 read {@code text} alike: printable ASCII and tabs only. */
    static boolean printableAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}

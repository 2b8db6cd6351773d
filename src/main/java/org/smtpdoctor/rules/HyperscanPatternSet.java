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
 * <p>Hyperscan's Unicode mode does not compile our patterns in reasonable time, so it scans bytes: the UTF-8
 * bytes of the text, folded, with each pattern in its byte form ({@link FoldedBytesPattern}), which matches
 * wherever RE2/J matches the pattern and maybe elsewhere. Most patterns (plain wordings) are exact on a text of
 * printable ASCII; the hits of the others, and every hit on other texts, are confirmed by RE2/J, so the answer is
 * always RE2/J's. A pattern without a byte form, or that Hyperscan refuses, and a text the byte form cannot read
 * go to RE2/J.
 */
final class HyperscanPatternSet implements PatternSet {
    private static final EnumSet<ExpressionFlag> FLAGS = EnumSet.of(ExpressionFlag.CASELESS,
            ExpressionFlag.SINGLEMATCH, ExpressionFlag.ALLOWEMPTY);
    private final List<Pattern> patterns;
    private final Re2PatternSet java;
    private final Database database;
    /** The patterns without a byte form or that Hyperscan refused, run by RE2/J on every text. */
    private final int[] refused;
    /** The patterns whose hits on a printable-ASCII text RE2/J confirms. */
    private final BitSet widened = new BitSet();
    /** A scanner holds scratch space for one scan at a time: one per thread. */
    private final ThreadLocal<Scanner> scanners;

    /** @throws LinkageError or RuntimeException when the native library does not load here */
    HyperscanPatternSet(List<Pattern> patterns, Re2PatternSet java) {
        this.patterns = List.copyOf(patterns);
        this.java = java;
        List<Expression> expressions = new ArrayList<>();
        BitSet refusedIndexes = new BitSet();
        for (int i = 0; i < patterns.size(); i++) {
            FoldedBytesPattern.Form form = FoldedBytesPattern.of(patterns.get(i).pattern());
            if (form == null) {
                refusedIndexes.set(i);
            } else {
                expressions.add(new Expression(form.expression(), FLAGS, i));
                widened.set(i, !form.exactOnPrintableAscii());
            }
        }
        this.database = compile(expressions, refusedIndexes);
        this.refused = refusedIndexes.stream().toArray();
        this.scanners = ThreadLocal.withInitial(() -> {
            Scanner scanner = new Scanner();
            scanner.allocScratch(database);
            return scanner;
        });
        scanners.get(); // fail here, at load, when the native scan does not work
    }

    /**
     * One database of {@code expressions}. Validating each expression alone costs a tenth of the compile, so that
     * is done only when the compile fails: the ones Hyperscan refuses go to {@code refused}, the rest compile once more.
     */
    private static Database compile(List<Expression> expressions, BitSet refused) {
        try {
            return Database.compile(expressions);
        } catch (CompileErrorException e) {
            List<Expression> valid = new ArrayList<>();
            for (Expression expression : expressions) {
                if (expression.validate().isValid()) {
                    valid.add(expression);
                } else {
                    refused.set(expression.getId());
                }
            }
            try {
                return Database.compile(valid);
            } catch (CompileErrorException again) {
                // Each expression validated alone; together they can still exceed a limit of Hyperscan's.
                throw new IllegalStateException("Hyperscan could not build the wording database: " + again.getMessage(), again);
            }
        }
    }

    @Override
    public BitSet matching(String text) {
        String scanForm = FoldedBytesPattern.scanForm(text);
        if (scanForm == null) {
            return java.matching(text);
        }
        BitSet found = new BitSet();
        for (Match match : scanners.get().scan(database, scanForm)) {
            found.set(match.getMatchedExpression().getId());
        }
        if (!found.isEmpty()) { // most texts hit nothing: no second look at them
            boolean printableAscii = printableAscii(text);
            for (int i = found.nextSetBit(0); i >= 0; i = found.nextSetBit(i + 1)) {
                if ((!printableAscii || widened.get(i)) && !patterns.get(i).matcher(text).find()) {
                    found.clear(i);
                }
            }
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

    /** How many patterns have no byte form or were refused by Hyperscan (RE2/J runs them on every text). */
    int refusedCount() {
        return refused.length;
    }

    /** How many patterns' hits RE2/J confirms even on printable ASCII. */
    int widenedCount() {
        return widened.cardinality();
    }

    /** Whether the text is printable ASCII and tabs, where most patterns' byte forms are exact. */
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

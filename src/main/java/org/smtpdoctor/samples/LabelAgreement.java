package org.smtpdoctor.samples;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.smtpdoctor.source.Problem;

/**
 * How far a {@link SecondLabelling} agrees with a held-out set's own labels, and the engine with each: the
 * agreement of two careful readers is the ceiling a figure on the set can reach, and the engine's figure where both
 * readers agree is its accuracy on the texts that are not in doubt.
 *
 * @param cases         the cases labelled twice
 * @param labelsExact   both labels the same category
 * @param labelsFamily  both labels in one family
 * @param firstExact    the engine's category is the set's own label
 * @param firstFamily   ... in its family
 * @param secondExact   the engine's category is the second label
 * @param secondFamily  ... in its family
 * @param agreedExact   where both labels are one category, the engine's is that one
 * @param agreedFamily  where both labels are one category, the engine's is in its family
 * @param problems      second labels for no case of the set, or naming no category
 */
public record LabelAgreement(int cases, int labelsExact, int labelsFamily, int firstExact, int firstFamily,
                             int secondExact, int secondFamily, int agreedExact, int agreedFamily,
                             List<Problem> problems) {

    /**
     * Compares {@code second} with the set's labels and the engine's answers in {@code outcomes}; {@code isCategory}
     * tells the category ids of the rules in use (a second label naming none is a problem, not counted).
     */
    public static LabelAgreement of(List<HeldOutEvaluation.Outcome> outcomes, SecondLabelling second,
                                    Predicate<String> isCategory) {
        Map<String, HeldOutEvaluation.Outcome> byCase = new HashMap<>();
        outcomes.forEach(o -> byCase.put(SecondLabelling.keyOf(o.sample().file(), o.sample().line()), o));
        List<Problem> problems = new ArrayList<>();
        int cases = 0, labelsExact = 0, labelsFamily = 0, firstExact = 0, firstFamily = 0, secondExact = 0,
                secondFamily = 0, agreedExact = 0, agreedFamily = 0;
        for (SecondLabelling.Label label : second.labels()) {
            HeldOutEvaluation.Outcome o = byCase.get(SecondLabelling.keyOf(label.file(), label.line()));
            if (o == null) {
                problems.add(Problem.error(second.name(), label.writtenAt(), 0, "case '" + label.file() + ":"
                        + label.line() + "' is no case of the set (a case is named by the line its entry starts on)"));
                continue;
            }
            if (!isCategory.test(label.expect())) {
                problems.add(Problem.error(second.name(), label.writtenAt(), 0, "expect: '" + label.expect()
                        + "' is no category of the rules in use"));
                continue;
            }
            String first = o.sample().expect();
            String other = label.expect();
            String engine = o.category();
            cases++;
            labelsExact += first.equals(other) ? 1 : 0;
            labelsFamily += sameFamily(first, other) ? 1 : 0;
            firstExact += engine.equals(first) ? 1 : 0;
            firstFamily += sameFamily(engine, first) ? 1 : 0;
            secondExact += engine.equals(other) ? 1 : 0;
            secondFamily += sameFamily(engine, other) ? 1 : 0;
            if (first.equals(other)) {
                agreedExact += engine.equals(first) ? 1 : 0;
                agreedFamily += sameFamily(engine, first) ? 1 : 0;
            }
        }
        return new LabelAgreement(cases, labelsExact, labelsFamily, firstExact, firstFamily, secondExact, secondFamily,
                agreedExact, agreedFamily, List.copyOf(problems));
    }

    /** The figures as lines, each a count and its share. */
    public List<String> lines() {
        return List.of(
                String.format("second labelling: %d cases labelled twice", cases),
                line("labels agree, exact", labelsExact, cases),
                line("labels agree, family", labelsFamily, cases),
                line("engine = own label, exact", firstExact, cases),
                line("engine = own label, family", firstFamily, cases),
                line("engine = second label, exact", secondExact, cases),
                line("engine = second label, family", secondFamily, cases),
                line("where labels agree, engine exact", agreedExact, labelsExact),
                line("where labels agree, engine family", agreedFamily, labelsExact));
    }

    private static String line(String label, int count, int of) {
        return String.format("  %-36s %5d of %5d %7.1f%%", label, count, of, of == 0 ? 0 : 100.0 * count / of);
    }

    private static boolean sameFamily(String a, String b) {
        return HeldOutEvaluation.familyOf(a).equals(HeldOutEvaluation.familyOf(b));
    }
}

package org.smtpdoctor.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.kie.internal.builder.conf.LanguageLevelOption;
import org.smtpdoctor.engine.DrlAtoms.Kind;
import org.smtpdoctor.engine.DrlAtoms.Token;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.wording.DrlWriter;
import org.smtpdoctor.wording.RuleLayer;

/**
 * The one gate every DRL passes before Drools compiles it, hand-written or generated from YAML: an allowlist
 * checked on Drools' own parse tree (the package descriptors), so that a rule file can only test a reply
 * and conclude a category, never run code.
 *
 * <p>What passes: patterns over {@code Reply}, {@code Said( id == "..." )} and {@code TextMatch}; constraints
 * made of Reply's properties, literals, comparisons, {@code contains} on {@code exceptions}, {@code &&},
 * {@code ||}, {@code !}, and the text test {@code has} with one literal argument; {@code from} only over
 * {@code r.find("...")}; {@code not}, {@code exists}, {@code and}, {@code or} of such patterns; a
 * consequence that is exactly {@code conclude(kcontext, "category"[, "name", "value"])}. Everything else
 * ({@code eval}, {@code accumulate}, {@code collect}, {@code matches}, method calls on values, functions,
 * globals, queries, declarations, rule attributes, imports beyond the vocabulary) is refused at its
 * {@code file:line:col} with the reason, and a file with any refusal never reaches the compiler.
 */
final class DrlGate {
    private static final Set<String> IMPORTS = Set.of("org.smtpdoctor.rules.*", "org.smtpdoctor.rules.Reply",
            "org.smtpdoctor.rules.Said", "org.smtpdoctor.rules.TextMatch");
    /** The fact of a wording set that occurs in the text, and the text test it stands for in {@link Findings}. */
    static final String SAID = "Said";
    private static final String CONCLUDE = "org.smtpdoctor.rules.Vocabulary.conclude";
    private static final Set<String> FACTS = Set.of("Reply", SAID, "TextMatch");
    private static final Set<String> PROPERTIES = Set.of("code", "enhanced", "enhancedClass", "enhancedSubject",
            "enhancedDetail", "text", "stage", "exceptions");
    private static final Set<String> TESTS = Set.of("has");
    private static final Set<String> SOURCES = Set.of("find");
    private static final Set<String> OPERATORS = Set.of("==", "!=", "<", "<=", ">", ">=", "contains");
    private static final String VOCABULARY = " (a rule may only test the reply and conclude a category)";

    /** A literal argument of a text test or of {@code conclude}, where it is written. */
    record Use(String function, String value, int line, int column) {
    }

    /** What passed the gate: the text tests and conclusions, for the loader's own checks. */
    record Findings(List<Use> textTests, List<Use> conclusions, List<Use> conclusionParams) {
    }

    private final String file;
    private final String text;
    private final Problems problems;
    private final List<Use> textTests = new ArrayList<>();
    private final List<Use> conclusions = new ArrayList<>();
    private final List<Use> conclusionParams = new ArrayList<>();
    private boolean refused;

    private DrlGate(String file, String text, Problems problems) {
        this.file = file;
        this.text = text;
        this.problems = problems;
    }

    /**
     * Checks a DRL file parsed from {@code text}; every refusal is reported to {@code problems} at {@code file}'s positions.
     *
     * @return what the file uses, or null when anything in it was refused
     */
    static Findings check(PackageDescr pkg, String file, String text, Problems problems) {
        DrlGate gate = new DrlGate(file, text, problems);
        gate.checkPackage(pkg);
        return gate.refused ? null : new Findings(List.copyOf(gate.textTests), List.copyOf(gate.conclusions),
                List.copyOf(gate.conclusionParams));
    }

    private void checkPackage(PackageDescr pkg) {
        for (ImportDescr i : pkg.getImports()) {
            if (!IMPORTS.contains(i.getTarget())) {
                refuse(i, "import of " + i.getTarget() + ": a rule file imports only org.smtpdoctor.rules.*" + VOCABULARY);
            }
        }
        pkg.getFunctionImports().stream().filter(i -> !CONCLUDE.equals(i.getTarget()))
                .forEach(i -> refuse(i, "import function " + i.getTarget() + ": only " + CONCLUDE + " may be imported"));
        pkg.getGlobals().forEach(g -> refuse(g, "global " + g.getIdentifier() + ": rules take no globals" + VOCABULARY));
        pkg.getFunctions().forEach(f -> refuse(f, "function " + f.getName() + ": rule files declare no functions" + VOCABULARY));
        pkg.getTypeDeclarations().forEach(t -> refuse(t, "declare " + t.getTypeName() + ": rule files declare no types"));
        pkg.getEnumDeclarations().forEach(t -> refuse(t, "declare enum " + t.getTypeName() + ": rule files declare no types"));
        pkg.getEntryPointDeclarations().forEach(e -> refuse(e, "entry points are not part of the rule vocabulary"));
        pkg.getWindowDeclarations().forEach(w -> refuse(w, "windows are not part of the rule vocabulary"));
        pkg.getAccumulateImports().forEach(a -> refuse(a, "accumulate functions are not part of the rule vocabulary"));
        pkg.getAttributes().forEach(a -> refuse(a, "package attribute '" + a.getName() + "': rule files set no attributes"));
        for (RuleDescr rule : pkg.getRules()) {
            checkRule(rule);
        }
    }

    private void checkRule(RuleDescr rule) {
        if (rule.isQuery()) {
            refuse(rule, "query " + rule.getName() + ": rule files declare no queries" + VOCABULARY);
            return;
        }
        rule.getAttributes().values().forEach(a -> refuse(a, "rule attribute '" + a.getName() + "': rules set no"
                + " attributes; their order in the file and in categories.yaml decides"));
        if (rule.getParentName() != null) {
            refuse(rule, "'extends': a rule stands alone");
        }
        rule.getAnnotations().stream().filter(a -> !RuleLayers.isLayerAnnotation(a))
                .forEach(a -> refuse(rule, "annotation @" + a.getName() + ": the one annotation a rule may carry is "
                        + DrlWriter.layerAnnotation(RuleLayer.CONCEPT) + " (a concept rule) or "
                        + DrlWriter.layerAnnotation(RuleLayer.STAGE) + " (a stage rule)"));
        if (!rule.getNamedConsequences().isEmpty()) {
            refuse(rule, "named consequences ('then[name]'): a rule has one consequence, conclude(...)");
        }
        Set<String> bindings = new java.util.HashSet<>();
        checkElement(rule.getLhs(), bindings);
        checkConsequence(rule);
    }

    private void checkElement(BaseDescr element, Set<String> replyBindings) {
        if (element instanceof PatternDescr pattern) {
            checkPattern(pattern, replyBindings);
        } else if (element instanceof AndDescr || element instanceof OrDescr || element instanceof NotDescr
                || element instanceof ExistsDescr) {
            for (BaseDescr child : ((org.drools.drl.ast.descr.ConditionalElementDescr) element).getDescrs()
                    .stream().map(BaseDescr.class::cast).toList()) {
                checkElement(child, replyBindings);
            }
        } else {
            refuse(element, name(element) + " is not part of the rule vocabulary: test the reply with patterns such"
                    + " as Reply( code == 535, has(\"...\") )");
        }
    }

    private static String name(BaseDescr element) {
        String simple = element.getClass().getSimpleName().replaceFirst("Descr$", "");
        return switch (simple) {
            case "Eval" -> "eval(...)";
            case "Forall" -> "forall(...)";
            case "Accumulate" -> "accumulate(...)";
            case "Collect" -> "collect(...)";
            default -> "'" + simple.toLowerCase() + "'";
        };
    }

    private void checkPattern(PatternDescr pattern, Set<String> replyBindings) {
        String type = pattern.getObjectType();
        if (pattern.getSource() != null && !(pattern.getSource() instanceof FromDescr)) {
            refuse(pattern, name(pattern.getSource()) + " is not part of the rule vocabulary: 'from' may only read"
                    + " r.find(\"...\")");
            return;
        }
        if (!FACTS.contains(type)) {
            refuse(pattern, "pattern over " + type + ": rules match only Reply, Said( id == \"...\" ) and TextMatch"
                    + " from r.find(...)");
            return;
        }
        if (pattern.isQuery() || !pattern.getBehaviors().isEmpty()) {
            refuse(pattern, "windows and query calls are not part of the rule vocabulary");
            return;
        }
        if (type.equals("TextMatch")) {
            if (!(pattern.getSource() instanceof FromDescr from)) {
                refuse(pattern, "TextMatch comes only 'from r.find(\"...\")' of a bound Reply");
                return;
            }
            checkFrom(from, replyBindings);
            if (!pattern.getConstraint().getDescrs().isEmpty() || pattern.getIdentifier() != null) {
                refuse(pattern, "TextMatch( ) takes no constraints and no binding: the named groups become parameters");
            }
            return;
        }
        if (pattern.getSource() != null) {
            refuse(pattern, type + " is a fact itself, not 'from' anything");
            return;
        }
        if (type.equals(SAID)) {
            checkSaid(pattern);
            return;
        }
        if (pattern.getIdentifier() != null) {
            replyBindings.add(pattern.getIdentifier());
        }
        for (BaseDescr constraint : pattern.getConstraint().getDescrs()) {
            if (constraint instanceof ExprConstraintDescr expr) {
                checkConstraint(expr);
            } else {
                refuse(constraint, "this constraint is not part of the rule vocabulary");
            }
        }
    }

    /** Exactly {@code Said( id == "literal" )}: the wording set is a literal the loader checks exists. */
    private void checkSaid(PatternDescr pattern) {
        List<? extends BaseDescr> constraints = pattern.getConstraint().getDescrs();
        String id = constraints.size() == 1 && constraints.get(0) instanceof ExprConstraintDescr expr
                ? saidId(expr.getExpression()) : null;
        if (id == null || pattern.getIdentifier() != null) {
            refuse(pattern, "Said takes exactly one constraint and no binding: Said( id == \"family.name/1\" ),"
                    + " naming the wordings of a YAML rule");
            return;
        }
        ExprConstraintDescr expr = (ExprConstraintDescr) constraints.get(0);
        textTests.add(new Use(SAID, id, expr.getLine(), expr.getColumn() + 1));
    }

    /** The literal of {@code id == "literal"}, or null for any other expression. */
    private static String saidId(String expression) {
        ConstraintConnectiveDescr tree = parsedConstraint(expression);
        if (tree == null || tree.getDescrs().size() != 1
                || !(tree.getDescrs().get(0) instanceof RelationalExprDescr relation) || !relation.getOperator().equals("==")
                || relation.getParameters() != null && !relation.getParameters().isEmpty()
                || !(relation.getLeft() instanceof AtomicExprDescr left) || !left.getExpression().strip().equals("id")
                || !(relation.getRight() instanceof AtomicExprDescr right)) {
            return null;
        }
        List<Token> tokens = DrlAtoms.tokens(right.getExpression());
        return tokens != null && DrlAtoms.shape(tokens, 0, Kind.STRING) ? tokens.get(0).value() : null;
    }

    private void checkFrom(FromDescr from, Set<String> replyBindings) {
        String text = from.getDataSource() == null ? "" : from.getDataSource().toString();
        List<Token> tokens = DrlAtoms.tokens(text);
        if (tokens == null || !DrlAtoms.shape(tokens, 0, Kind.NAME, ".", Kind.NAME, "(", Kind.STRING, ")")
                || !replyBindings.contains(tokens.get(0).value()) || !SOURCES.contains(tokens.get(2).value())) {
            refuse(from, "'from " + abbreviate(text) + "': 'from' may only read r.find(\"pattern\") of a Reply"
                    + " bound as r");
            return;
        }
        textTests.add(new Use(tokens.get(2).value(), tokens.get(4).value(), from.getLine(), from.getColumn() + 1));
    }

    private void checkConstraint(ExprConstraintDescr expr) {
        ConstraintConnectiveDescr tree = parsedConstraint(expr.getExpression());
        if (tree == null) {
            refuse(expr, "constraint '" + abbreviate(expr.getExpression()) + "' does not parse");
            return;
        }
        checkExpression(tree, expr);
    }

    /** A constraint as Drools' expression parser reads it, or null when it does not parse. */
    private static ConstraintConnectiveDescr parsedConstraint(String expression) {
        DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(LanguageLevelOption.DRL6);
        ConstraintConnectiveDescr tree = parser.parse(expression);
        return parser.hasErrors() ? null : tree;
    }

    private void checkExpression(BaseDescr node, ExprConstraintDescr in) {
        if (node instanceof ConstraintConnectiveDescr connective) {
            connective.getDescrs().forEach(child -> checkExpression(child, in));
        } else if (node instanceof RelationalExprDescr relation) {
            String op = relation.getOperator();
            if (!OPERATORS.contains(op) || relation.getParameters() != null && !relation.getParameters().isEmpty()) {
                refuse(in, relation.getOperator().equals("matches") || relation.getOperator().equals("soundslike")
                        ? "'" + op + "' runs a backtracking regular expression: test text with has(\"...\") (RE2, linear time)"
                        : "operator '" + op + "' is not part of the rule vocabulary: compare with == != < <= > >=");
                return;
            }
            if (op.equals("contains") && !(relation.getLeft() instanceof AtomicExprDescr left
                    && left.getExpression().strip().equals("exceptions"))) {
                refuse(in, "'contains' tests only exceptions: exceptions contains \"UnknownHostException\"");
                return;
            }
            checkExpression(relation.getLeft(), in);
            checkExpression(relation.getRight(), in);
        } else if (node instanceof AtomicExprDescr atom) {
            checkAtom(atom.getExpression(), in);
        } else {
            refuse(in, "'" + abbreviate(in.getExpression()) + "': bindings and other forms are not part of the rule vocabulary");
        }
    }

    /** A property, a literal, or {@code [!]has("literal")}. */
    private void checkAtom(String atom, ExprConstraintDescr in) {
        List<Token> tokens = DrlAtoms.tokens(atom);
        int from = 0;
        while (tokens != null && from < tokens.size() && tokens.get(from).value().equals("!")
                && tokens.get(from).kind() == Kind.PUNCT) {
            from++;
        }
        boolean ok = tokens != null && (DrlAtoms.shape(tokens, from, Kind.NUMBER) && from == 0
                || DrlAtoms.shape(tokens, from, Kind.STRING) && from == 0
                || DrlAtoms.shape(tokens, from, Kind.NAME) && from == 0 && PROPERTIES.contains(tokens.get(0).value())
                || DrlAtoms.shape(tokens, from, Kind.NAME, "(", Kind.STRING, ")")
                        && TESTS.contains(tokens.get(from).value()));
        int offset = Math.max(0, in.getExpression().indexOf(atom.strip()));
        if (!ok) {
            refuse(in.getLine(), in.getColumn() + 1 + offset, "'" + abbreviate(atom.strip()) + "' is not part of the rule"
                    + " vocabulary: use Reply's properties (" + String.join(", ", PROPERTIES.stream().sorted().toList())
                    + "), literals, and has(\"pattern\") with one quoted pattern; no method calls on values");
            return;
        }
        if (tokens.size() - from == 4) {
            textTests.add(new Use(tokens.get(from).value(), tokens.get(from + 2).value(), in.getLine(),
                    in.getColumn() + 1 + offset + tokens.get(from + 2).offset()));
        }
    }

    /** Exactly {@code conclude(kcontext, "category")} or {@code conclude(kcontext, "category", "name", "value")}. */
    private void checkConsequence(RuleDescr rule) {
        String code = rule.getConsequence() == null ? "" : rule.getConsequence().toString();
        List<Token> tokens = DrlAtoms.tokens(code);
        boolean two = tokens != null && DrlAtoms.shape(tokens, 0, Kind.NAME, "(", Kind.NAME, ",", Kind.STRING, ")", ";");
        boolean four = tokens != null && DrlAtoms.shape(tokens, 0, Kind.NAME, "(", Kind.NAME, ",", Kind.STRING, ",",
                Kind.STRING, ",", Kind.STRING, ")", ";");
        int[] at = consequencePosition(rule);
        int line = at[0];
        int column = at[1];
        if (!(two || four) || !tokens.get(0).value().equals("conclude") || !tokens.get(2).value().equals("kcontext")) {
            refuse(line, column, "the consequence of rule \"" + abbreviate(rule.getName()) + "\" must be exactly"
                    + " conclude(kcontext, \"family.name\") or conclude(kcontext, \"family.name\", \"provider\", \"Name\"),"
                    + " with quoted texts only; found '" + abbreviate(code.strip()) + "'");
            return;
        }
        int first = tokens.get(0).offset();
        conclusions.add(new Use("conclude", tokens.get(4).value(), line, column + tokens.get(4).offset() - first));
        if (four) {
            conclusionParams.add(new Use("conclude", tokens.get(6).value(), line, column + tokens.get(6).offset() - first));
        }
    }

    /**
     * Line and column of the consequence's first character. Drools gives only the line of its {@code then}, so
     * the text after that {@code then} is read on from there.
     */
    private int[] consequencePosition(RuleDescr rule) {
        int thenLine = Math.max(rule.getConsequenceLine(), rule.getLine());
        int offset = 0;
        for (int line = 1; line < thenLine && offset >= 0; line++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        int then = offset <= 0 && thenLine > 1 ? -1 : text.indexOf("then", offset);
        if (then < 0) {
            return new int[] {thenLine, 1};
        }
        offset = then + 4;
        while (offset < text.length() && Character.isWhitespace(text.charAt(offset))) {
            offset++;
        }
        int line = thenLine;
        for (int i = then; i < offset; i++) {
            line += text.charAt(i) == '\n' ? 1 : 0;
        }
        return new int[] {line, offset - text.lastIndexOf('\n', offset - 1)};
    }

    private void refuse(BaseDescr at, String message) {
        refuse(at.getLine(), at.getColumn() + 1, message);
    }

    private void refuse(int line, int column, String message) {
        refused = true;
        problems.error(file, Math.max(line, 0), Math.max(column, 0), "refused: " + message);
    }

    private static String abbreviate(String text) {
        String one = text.replaceAll("\\s+", " ");
        return one.length() <= 80 ? one : one.substring(0, 77) + "...";
    }
}

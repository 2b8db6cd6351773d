package org.smtpdoctor.source;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A YAML node that knows its file, line and column, so that every schema error in a catalog or
 * sample file can be reported where the author has to fix it.
 *
 * <p>Files are composed, not constructed: SnakeYAML's safe composer yields plain nodes (no tags, no
 * objects), and duplicate keys, which SnakeYAML would silently merge, are reported here.
 */
public final class YamlNode {
    private final Node node;
    private final String file;

    private YamlNode(Node node, String file) {
        this.node = node;
        this.file = file;
    }

    /** Deeper than this a file is not a list of rules, cases or advice but an attack on the parser. */
    static final int MAX_NESTING = 50;
    /**
     * Characters a file may hold. A category's wordings live in one file, and the largest (a cause said in twenty
     * languages, each wording with its source) passed 1M characters; 2.1M characters of it parsed in 0.2-0.6 s in
     * a 256 MB heap.
     */
    static final int MAX_CODE_POINTS = 2 * 1024 * 1024;

    /**
     * Parses one file; reports a syntax error, an anchor or alias, too deep a nesting, or a duplicate key to
     * {@code problems} (each at its place) and returns null when the file cannot be used.
     *
     * <p>Anchors and aliases ({@code &name}, {@code *name}, {@code <<: *name}) are refused outright, also of
     * plain texts: a file staff write is read by people one entry at a time (in lint's {@code file:line:col},
     * in a review), and an alias makes an entry's meaning depend on a line elsewhere; a few nested aliases of
     * lists make a file of a few hundred bytes expand to billions of nodes, and one that refers to itself never
     * ends. No rule, catalog or sample file needs them: repeating a text is always possible.
     */
    public static YamlNode parse(SourceFile source, Problems problems) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(0); // VettedEvents refuses them at their place; this is a second line of defence
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CODE_POINTS);
        VettedEvents events = new VettedEvents(new ParserImpl(new StreamReader(source.content()), options),
                source.name(), problems);
        try {
            Node root = new Composer(events, new Resolver(), options).getSingleNode();
            if (events.refused()) {
                return null;
            }
            if (root == null) {
                problems.error(source.name(), 1, 1, "the file is empty");
                return null;
            }
            YamlNode node = new YamlNode(root, source.name());
            node.reportDuplicateKeys(problems);
            return node;
        } catch (VettedEvents.TooDeep e) {
            return null;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            int column = mark == null ? 0 : mark.getColumn() + 1;
            String message = e.getProblem() != null ? e.getProblem() : e.getMessage();
            problems.error(source.name(), line, column, "YAML syntax: " + message);
            return null;
        } catch (YAMLException e) { // a limit of the parser, such as the file's length
            problems.error(source.name(), 1, 1, "YAML refused: " + e.getMessage() + " (a rule, catalog or sample"
                    + " file holds at most " + MAX_CODE_POINTS + " characters: shorten its comments and sources, or delete"
                    + " the wordings that a shorter one already matches)");
            return null;
        }
    }

    private void reportDuplicateKeys(Problems problems) {
        if (node instanceof MappingNode mapping) {
            Map<String, Node> seen = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                YamlNode key = new YamlNode(tuple.getKeyNode(), file);
                String name = key.text();
                Node earlier = seen.putIfAbsent(name, tuple.getKeyNode());
                if (earlier != null) {
                    problems.add(key.error("duplicate key '" + name + "' (first at line "
                            + (earlier.getStartMark().getLine() + 1) + ")"));
                }
                new YamlNode(tuple.getValueNode(), file).reportDuplicateKeys(problems);
            }
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(n -> new YamlNode(n, file).reportDuplicateKeys(problems));
        }
    }

    public String file() {
        return file;
    }

    /** 1-based line of the node's start. */
    public int line() {
        return node.getStartMark().getLine() + 1;
    }

    /** 1-based column of the node's start. */
    public int column() {
        return node.getStartMark().getColumn() + 1;
    }

    /**
     * The column of the character at {@code offset} of this scalar's text, where it can be told: a scalar on
     * one line without escapes; else the column of the scalar's start.
     */
    public int columnAt(int offset) {
        if (!(node instanceof ScalarNode scalar) || node.getStartMark().getLine() != node.getEndMark().getLine()) {
            return column();
        }
        int quote = scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN ? 0 : 1;
        int width = node.getEndMark().getColumn() - node.getStartMark().getColumn() - 2 * quote;
        return width == scalar.getValue().length() ? column() + quote + offset : column();
    }

    /** An error at the character {@code offset} of this scalar's text (see {@link #columnAt}). */
    public Problem errorAt(int offset, String message) {
        return Problem.error(file, line(), columnAt(offset), message);
    }

    /** An error located at this node. */
    public Problem error(String message) {
        return Problem.error(file, line(), column(), message);
    }

    /** A warning located at this node. */
    public Problem warning(String message) {
        return Problem.warning(file, line(), column(), message);
    }

    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    /** The scalar's text; for a map or list, a short description of what it is. */
    public String text() {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        return node instanceof MappingNode ? "<map>" : "<list>";
    }

    /** The values of a map or the items of a list, in file order; empty for a scalar. */
    private List<YamlNode> children() {
        List<YamlNode> children = new ArrayList<>();
        if (node instanceof MappingNode mapping) {
            mapping.getValue().forEach(t -> children.add(new YamlNode(t.getValueNode(), file)));
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(n -> children.add(new YamlNode(n, file)));
        }
        return children;
    }

    /** Every scalar below this node (this node itself when it is one), in file order; map keys excluded. */
    public List<YamlNode> scalars() {
        if (isScalar()) {
            return List.of(this);
        }
        List<YamlNode> scalars = new ArrayList<>();
        children().forEach(child -> scalars.addAll(child.scalars()));
        return scalars;
    }

    /** Entries of a map in file order, keyed by the key node; empty (and reported) when this is not a map. */
    public Map<YamlNode, YamlNode> entries(Problems problems, String what) {
        Map<YamlNode, YamlNode> entries = new LinkedHashMap<>();
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                entries.put(new YamlNode(tuple.getKeyNode(), file), new YamlNode(tuple.getValueNode(), file));
            }
        } else {
            problems.add(error(what + " must be a map of key: value"));
        }
        return entries;
    }

    /** The items of a list, or this node alone when it is a scalar ({@code code: 535} for {@code code: [535]}). */
    public List<YamlNode> itemsOrScalar(Problems problems, String what) {
        return isScalar() ? List.of(this) : items(problems, what);
    }

    /** The items of a list; empty (and reported) when this is not a list. */
    public List<YamlNode> items(Problems problems, String what) {
        List<YamlNode> items = new ArrayList<>();
        if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(n -> items.add(new YamlNode(n, file)));
        } else {
            problems.add(error(what + " must be a list"));
        }
        return items;
    }

    /**
     * Reads this node as a map whose keys must come from {@code allowed}; unknown keys are reported
     * at their position. Returns the values by key name.
     */
    public Map<String, YamlNode> fields(Problems problems, String what, Collection<String> allowed) {
        Map<String, YamlNode> fields = new LinkedHashMap<>();
        for (Map.Entry<YamlNode, YamlNode> e : entries(problems, what).entrySet()) {
            String key = e.getKey().text();
            if (!allowed.contains(key)) {
                problems.add(e.getKey().error("unknown field '" + key + "' in " + what + " (allowed: "
                        + String.join(", ", allowed) + ")"));
            } else {
                fields.put(key, e.getValue());
            }
        }
        return fields;
    }

    /** A required non-empty scalar field of a map read with {@link #fields}; null (and reported) when missing. */
    public String requiredText(Map<String, YamlNode> fields, String key, Problems problems, String what) {
        YamlNode value = fields.get(key);
        if (value == null) {
            problems.add(error(what + " lacks the field '" + key + "'"));
            return null;
        }
        if (!value.isScalar() || value.text().isBlank()) {
            problems.add(value.error("'" + key + "' in " + what + " must be a non-empty text"));
            return null;
        }
        return value.text();
    }
}

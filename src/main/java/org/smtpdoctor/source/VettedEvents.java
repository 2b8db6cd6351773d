package org.smtpdoctor.source;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ImplicitTuple;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * SnakeYAML's parse events on their way to its composer, each looked at once: every anchor and alias is reported at
 * its place and nesting deeper than {@link YamlNode#MAX_NESTING} stops the file, so a file is parsed once, not
 * walked for them first and composed after. An alias reaches the composer as an empty text, so that nothing
 * expands and the rest of the file is still read (all its problems in one run); a file with any is not used.
 */
final class VettedEvents implements Parser {
    /** Thrown at the first collection nested too deep, once it is reported: nothing after it is read. */
    static final class TooDeep extends RuntimeException {
        TooDeep() {
            super(null, null, false, false);
        }
    }

    private final Parser events;
    private final String file;
    private final Problems problems;
    private Event next;
    private int depth;
    private boolean refused;

    VettedEvents(Parser events, String file, Problems problems) {
        this.events = events;
        this.file = file;
        this.problems = problems;
    }

    /** Whether an anchor or alias was reported: the composed file must not be used. */
    boolean refused() {
        return refused;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        Event event = peekEvent();
        return event != null && event.is(choice);
    }

    @Override
    public Event peekEvent() {
        if (next == null) {
            next = vetted(events.getEvent());
        }
        return next;
    }

    @Override
    public Event getEvent() {
        Event event = peekEvent();
        next = null;
        return event;
    }

    private Event vetted(Event event) {
        if (event == null) {
            return null;
        }
        Mark at = event.getStartMark();
        if (event instanceof AliasEvent alias) {
            error(at, "YAML alias *" + alias.getAnchor() + " refused: aliases and anchors are not allowed in rule,"
                    + " catalog and sample files; write the value out here in full");
            return new ScalarEvent(null, null, new ImplicitTuple(true, false), "", at, event.getEndMark(),
                    DumperOptions.ScalarStyle.PLAIN);
        }
        if (event instanceof NodeEvent node && node.getAnchor() != null) {
            error(at, "YAML anchor &" + node.getAnchor() + " refused: aliases and anchors are not allowed in rule,"
                    + " catalog and sample files; remove it and write the value out in full wherever it is needed");
        }
        if (event instanceof CollectionStartEvent && ++depth == YamlNode.MAX_NESTING + 1) {
            problems.error(file, at.getLine() + 1, at.getColumn() + 1, "lists and maps nest more than "
                    + YamlNode.MAX_NESTING + " levels deep here: no rule, catalog or sample file needs that; flatten it");
            throw new TooDeep();
        } else if (event instanceof CollectionEndEvent) {
            depth--;
        }
        return event;
    }

    private void error(Mark at, String message) {
        problems.error(file, at.getLine() + 1, at.getColumn() + 1, message);
        refused = true;
    }
}

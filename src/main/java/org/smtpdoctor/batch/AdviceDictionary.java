package org.smtpdoctor.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.smtpdoctor.catalog.Advice;
import org.smtpdoctor.engine.Diagnosis;

/**
 * The advice of compact records, once per category id: a category's advice as it reads without parameters.
 * A compact record leaves its advice out when it is exactly this; a record whose advice is its own (a
 * placeholder filled from its parameters, or the fallback shown while the category's advice is unfinished)
 * keeps it. So a consumer gets every record's advice back by a join on {@code category} that prefers the
 * record's own fields: {@code coalesce(record.title, dictionary[record.category].title)}.
 *
 * <p>Thread-safe; an entry depends only on its category, so the dictionary is the same whichever worker
 * meets a category first.
 */
public final class AdviceDictionary {
    private final Locale locale;
    private final Map<String, Advice> byCategory = new ConcurrentHashMap<>();

    AdviceDictionary(Locale locale) {
        this.locale = locale;
    }

    /**
     * True when {@code d}'s advice is its category's entry (which this adds when new), so a record may leave it
     * out: the advice reads the same for every diagnosis of the category (not the fallback of an unfinished
     * one, which depends on the reply's class; no placeholder filled from the diagnosis's own parameters).
     */
    boolean holds(Diagnosis d) {
        if (!d.adviceIsGeneral()) {
            return false;
        }
        byCategory.computeIfAbsent(d.category(), c -> d.advice(locale));
        return true;
    }

    /** The entries as one JSON object: category id → {title, explanation, remedy, links, language}, by id. */
    public ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        new TreeMap<>(byCategory).forEach((category, advice) -> {
            ObjectNode entry = root.putObject(category);
            entry.put("title", advice.title());
            entry.put("explanation", advice.explanation());
            advice.remedy().forEach(entry.putArray("remedy")::add);
            advice.links().forEach(entry.putArray("links")::add);
            entry.put("language", advice.language());
        });
        return root;
    }
}

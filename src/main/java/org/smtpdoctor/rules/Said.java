package org.smtpdoctor.rules;

/**
 * A fact for each wording set (one YAML rule's {@code says} or {@code unless}) that occurs in the reply text, made
 * from the one pass over it before the rules run. A generated rule names its set by id,
 * {@code Said( id == "auth.invalid-credentials/2" )}, so Drools finds the rules a text concerns by a hashed
 * look-up instead of asking every rule in turn; a text that says nothing a rule knows wakes no wording rule.
 */
public final class Said {
    private final Reply reply;
    private final String id;
    private final TextMatch match;

    Said(Reply reply, String id, TextMatch match) {
        this.reply = reply;
        this.id = id;
        this.match = match;
    }

    /** The reply whose text says it: a rule on wordings alone concludes about it without joining it. */
    Reply reply() {
        return reply;
    }

    /** The id of the wording set: {@code <category>/<rule index>} or {@code <category>/<rule index>/unless}. */
    public String getId() {
        return id;
    }

    /** The first wording of the set, in the rule's order, that occurs in the text; its placeholders are parameters. */
    public TextMatch match() {
        return match;
    }

    @Override
    public String toString() {
        return "Said[" + id + "]";
    }
}

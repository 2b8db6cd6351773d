package org.smtpdoctor.wording;

import java.util.Arrays;
import java.util.Optional;
import org.smtpdoctor.rules.WordGap;

/**
 * The variable parts a wording may hold, each compiled to a bounded, linear-time RE2 fragment. All but
 * {@link #SOME} are parameters: {@code {host}} becomes the parameter {@code host}, {@code {mx:host}} the
 * parameter {@code mx}.
 *
 * <p>Letters and digits are Unicode-aware ({@code \pL}, {@code \pN}), so an internationalised host or
 * mailbox name is still one host or address.
 */
public enum Placeholder {
    /** An IPv4 address, or an IPv6 address written with colons. */
    IP("ip", "(?:\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7})"),
    /** A host or domain name (or an address literal's digits): letters, digits, '_', '-' and dots. */
    HOST("host", "[\\pL\\pN_](?:[\\pL\\pN_.-]{0,253}[\\pL\\pN])?"),
    /** A mail address: a local part without spaces, brackets or quotes, '@', and a domain. */
    ADDRESS("address", "[^\\s<>\"'(),;\\[\\]@]{1,64}@[\\pL\\pN_](?:[\\pL\\pN_.-]{0,253}[\\pL\\pN])?"),
    /** An http or https address up to the next space, quote or angle bracket. */
    URL("url", "https?://[^\\s\"'<>]{1,1000}"),
    /** A run of digits. */
    NUMBER("number", "\\d{1,20}"),
    /** A token such as a queue id or a reference: letters and digits, with '.', '_' or '-' inside. */
    ID("id", "[\\pL\\pN](?:[\\pL\\pN._-]{0,126}[\\pL\\pN])?"),
    /** Some words: up to 100 characters of the same line; never a parameter. */
    SOME("...", WordGap.FRAGMENT);

    private final String written;
    private final String fragment;

    Placeholder(String written, String fragment) {
        this.written = written;
        this.fragment = fragment;
    }

    /** How an author writes it between braces: {@code ip}, {@code host}, ..., {@code ...}. */
    public String written() {
        return written;
    }

    /** The RE2 fragment it matches (case-insensitive in a compiled wording). */
    String fragment() {
        return fragment;
    }

    /** Whether a match becomes a parameter of the diagnosis. */
    public boolean isParameter() {
        return this != SOME;
    }

    /** The placeholder written as {@code name} ({@code …} is the same as {@code ...}). */
    static Optional<Placeholder> byName(String name) {
        String normal = name.equals("\u2026") ? "..." : name;
        return Arrays.stream(values()).filter(p -> p.written.equals(normal)).findFirst();
    }

    /** The names authors may write, for messages: {@code {ip}, {host}, ...}. */
    static String list() {
        StringBuilder b = new StringBuilder();
        for (Placeholder p : values()) {
            b.append(b.isEmpty() ? "" : ", ").append('{').append(p.written).append('}');
        }
        return b.toString();
    }
}

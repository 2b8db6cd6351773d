package org.smtpdoctor.engine;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.smtpdoctor.catalog.Actor;
import org.smtpdoctor.catalog.Advice;
import org.smtpdoctor.catalog.Catalog;
import org.smtpdoctor.catalog.CatalogEntry;
import org.smtpdoctor.catalog.CodeMeaning;
import org.smtpdoctor.catalog.Retry;
import org.smtpdoctor.reply.EnhancedStatusCode;
import org.smtpdoctor.reply.ParsedReply;
import org.smtpdoctor.reply.SmtpStage;

/**
 * What smtp-doctor concluded about one error text. Immutable; the advice is rendered on request, in
 * any catalog language, from the rule set that made the diagnosis.
 */
public final class Diagnosis {
    private final String input;
    private final String category;
    private final Basis basis;
    private final int code;
    private final EnhancedStatusCode enhancedCode;
    private final Map<String, String> params;
    private final List<String> secondary;
    private final RuleRef rule;
    private final CodeMeaning codeMeaning;
    private final Catalog catalog;
    private final String ruleSetVersion;
    private final boolean truncated;
    private final SmtpStage stage;

    Diagnosis(String input, String category, Basis basis, int code, EnhancedStatusCode enhancedCode,
              Map<String, String> params, List<String> secondary, RuleRef rule, CodeMeaning codeMeaning,
              Catalog catalog, String ruleSetVersion, boolean truncated, SmtpStage stage) {
        this.input = input;
        this.category = category;
        this.basis = basis;
        this.code = code;
        this.enhancedCode = enhancedCode;
        this.params = params;
        this.secondary = List.copyOf(secondary);
        this.rule = rule;
        this.codeMeaning = codeMeaning;
        this.catalog = catalog;
        this.ruleSetVersion = ruleSetVersion;
        this.truncated = truncated;
        this.stage = stage;
    }

    /** The error text as given, with credentials (AUTH tokens, password=..., URL passwords) masked. */
    public String input() {
        return input;
    }

    /** The category id, e.g. {@code auth.invalid-credentials}; never null. */
    public String category() {
        return category;
    }

    /** Which layer decided. */
    public Basis basis() {
        return basis;
    }

    /** The basic reply code, or 0 when the text has none. */
    public int code() {
        return code;
    }

    /** The enhanced status code, or null when the text has none. */
    public EnhancedStatusCode enhancedCode() {
        return enhancedCode;
    }

    /** Values the deciding rule extracted from the text (e.g. {@code url}); empty for the code layers. */
    public Map<String, String> params() {
        return params;
    }

    /** Other categories that matched, on any layer, most specific first; never the decided one. */
    public List<String> secondary() {
        return secondary;
    }

    /** The rule or table entry that decided, or null for basis {@link Basis#NONE}. */
    public RuleRef rule() {
        return rule;
    }

    /** Who has to act. */
    public Actor actor() {
        return entry().actor();
    }

    /** Whether sending again helps. */
    public Retry retry() {
        // A 4xx reply (or, without a reply code, a 4.x.x enhanced code) is transient.
        boolean transientReply = code != 0 ? code / 100 == 4 : enhancedCode != null && enhancedCode.statusClass() == 4;
        return entry().retry(transientReply);
    }

    /** The advice in the catalog's default language. */
    public Advice advice() {
        return advice(null);
    }

    /**
     * The advice in {@code locale}'s language, or in the catalog's default language when the catalog does
     * not have that one (or {@code locale} is null).
     */
    public Advice advice(Locale locale) {
        return entry().advice(language(locale), params, catalog.deployment());
    }

    /** What the reply's code means (the enhanced code if registered, else the reply code), or null. */
    public String codeMeaning(Locale locale) {
        return codeMeaning == null ? null : codeMeaning.meaning().get(language(locale));
    }

    /** The version (content hash) of the rule set that made this diagnosis. */
    public String ruleSetVersion() {
        return ruleSetVersion;
    }

    /** True when the input was so long that only its start was read (the first 64 KiB, 8 KiB of text). */
    public boolean truncated() {
        return truncated;
    }

    /**
     * The SMTP stage the failure happened at ({@code connect} ... {@code end-of-data}), as the error's
     * evidence says or the caller knew it; null when unknown.
     */
    public SmtpStage stage() {
        return stage;
    }

    private String language(Locale locale) {
        return catalog.language(locale == null ? "" : locale.getLanguage());
    }

    /**
     * The catalog entry whose advice, actor and retry a person is shown: the category's own, or, while its
     * advice is an unfinished stub, the fallback of the reply's class (a "TODO" is never shown).
     */
    private CatalogEntry entry() {
        return catalog.shownEntry(category, ParsedReply.failureClass(code, enhancedCode));
    }

    /**
     * True when the advice reads as its category's does for every diagnosis: no parameter of this one fills a
     * placeholder of it, and it is not the fallback shown while the category's advice is unfinished.
     */
    public boolean adviceIsGeneral() {
        return !adviceUnfinished() && entry().readsNoneOf(params.keySet());
    }

    /** True while the category's advice is an unfinished stub, so that the fallback's advice is shown instead. */
    public boolean adviceUnfinished() {
        return catalog.isUnfinished(category);
    }

    @Override
    public String toString() {
        return category + " (" + basis.id() + (rule == null ? "" : ", " + rule) + ")";
    }
}

/**
 * The vocabulary that DRL rules are written in, and the only package a rule file imports.
 *
 * <pre>
 * rule "auth.account-verification: Mail.ru asks to confirm the account"
 * when
 *     r : Reply( code == 535 )
 *     TextMatch() from r.find("verify your account by going to (?P&lt;url&gt;https?://\\S+)")
 * then
 *     conclude(kcontext, "auth.account-verification");
 * end
 * </pre>
 *
 * A rule matches {@link org.smtpdoctor.rules.Reply} (reply code, enhanced code, text) with
 * case-insensitive patterns and concludes a category id with {@link org.smtpdoctor.rules.Vocabulary#conclude};
 * named groups in a {@code find} pattern become the diagnosis' parameters. Advice text lives in the catalogs.
 */
package org.smtpdoctor.rules;

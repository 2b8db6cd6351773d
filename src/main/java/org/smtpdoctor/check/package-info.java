/**
 * Checking a mail account live, the way the sending application would: DNS, TCP, greeting, EHLO, TLS,
 * AUTH, MAIL FROM / RCPT TO and optionally a real test message, each step timed, the first failing step
 * diagnosed by the rules ({@link org.smtpdoctor.check.AccountCheck}); {@code --security auto} finds the
 * port and TLS mode that work ({@link org.smtpdoctor.check.SecuritySearch}). The SMTP session is Jakarta
 * Mail's own (Angus {@code SMTPTransport}), so its failures are the exceptions the application would see.
 */
package org.smtpdoctor.check;

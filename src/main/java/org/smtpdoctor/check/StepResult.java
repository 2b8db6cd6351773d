package org.smtpdoctor.check;

/**
 * One step of a check.
 *
 * @param name   dns, connect, tls, greeting, ehlo, starttls, auth, mail, rcpt, rset, data or end-of-data
 * @param ok     whether the step succeeded
 * @param millis how long it took
 * @param detail what the step saw: the address, the greeting, the capabilities, the server's reply
 */
public record StepResult(String name, boolean ok, long millis, String detail) {
}

/**
 * {@code smtp-doctor serve}: the support desk. One process serves a JSON API and a page for support staff over
 * Javalin (Jetty 12): diagnose a pasted text, run a log, list the categories and the unknown replies seen, and,
 * guarded by a token, teach the engine a new reply by writing a YAML rule and its sample case into the served
 * rules, which the watching {@link org.smtpdoctor.engine.Diagnoser} reloads. The engine, report, batch and
 * authoring packages do the work; this package only speaks HTTP, counts, and guards.
 */
package org.smtpdoctor.server;

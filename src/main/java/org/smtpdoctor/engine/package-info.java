/**
 * The engine: {@link org.smtpdoctor.engine.Diagnoser} (the public entry point), rule loading with Drools
 * ({@link org.smtpdoctor.engine.RuleSetLoader}) and the decision layers ({@code LayeredDecision}).
 */
package org.smtpdoctor.engine;

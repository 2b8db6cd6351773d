/**
 * The engine: {@link org.smtpdoctor.engine.Diagnoser} (the public entry point), rule loading with Drools
 * ({@code RuleSetLoader}) and the decision layers ({@code LayeredDecision}).
 */
package org.smtpdoctor.engine;

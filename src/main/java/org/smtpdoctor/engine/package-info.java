/**
 * The engine: {@link org.smtpdoctor.engine.Diagnoser} (the public entry point), rule loading with Drools
 * ({@code RuleSetLoader}), the decision layers ({@code LayeredDecision}) and, for logs,
 * {@link org.smtpdoctor.engine.LogDiagnoser} (the rules run once per template of a line).
 */
package org.smtpdoctor.engine;

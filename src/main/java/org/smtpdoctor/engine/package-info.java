/**
 * The engine: {@link org.smtpdoctor.engine.Diagnoser} (the public entry point), rule loading with Drools
 * ({@code RuleSetLoader}), the decision layers ({@code LayeredDecision}) and the rules' verdicts remembered by
 * the facts they read ({@code VerdictMemo}).
 */
package org.smtpdoctor.engine;

/**
 * The detection rules as plug-ins: the {@link io.github.rcdetect.rules.Rule} interface, the registry {@link
 * io.github.rcdetect.rules.Rules}, one package per rule ({@code r1}, {@code r2}, ...) and the engines rules share
 * ({@code correlation}: a Run Command invocation correlated with the processes after it; {@code childprocess}: one
 * detection per matching process). Rules depend on the domain and the model only: they never parse or render.
 */
package io.github.rcdetect.rules;

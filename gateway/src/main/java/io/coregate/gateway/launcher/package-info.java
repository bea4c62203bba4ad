/**
 * The jar's entry point, compiled for Java 8 so that any JVM can run it: it checks the running Java version and then hands
 * over to {@code io.coregate.gateway.Main}, or says in one line that CoreGate needs Java 21 and how to point {@code JAVA_HOME}
 * at one (instead of an {@code UnsupportedClassVersionError}). It depends on the JDK only and nothing depends on it.
 */
package io.coregate.gateway.launcher;

/** Tests of the Java-version check in front of the gateway, in the unit and against the built jar on an old JVM. */
package io.coregate.gateway.launcher;

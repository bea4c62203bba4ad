/**
 * A tiny HTTP-speaking example adapter, the simulator of its made-up bank built from the simulator kit, and the contract
 * run against it under two duplicate-reference habits: the shape of a real CBS plugin's tests.
 */
package io.coregate.plugin.tck.example;

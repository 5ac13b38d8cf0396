/** Drama theory: boards, preferences, the six dilemmas and their ways out. Pure and deterministic. */
package dev.drama.engine;

package dev.drama.scenarios.model;

/** A phase of the session with its suggested duration in minutes (pack order). */
public record Phase(String name, int minutes) {
}

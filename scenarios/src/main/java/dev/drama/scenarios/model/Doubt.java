package dev.drama.scenarios.model;

/** At the start, {@code holder} doubts that {@code about} will keep its part. */
public record Doubt(String holder, String about) {
}

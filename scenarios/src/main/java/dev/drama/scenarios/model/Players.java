package dev.drama.scenarios.model;

/** How many trainees the pack is written for. */
public record Players(int min, int max) {
}

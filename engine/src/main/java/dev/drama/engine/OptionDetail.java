package dev.drama.engine;

/**
 * One contested option judged on its own (drama-theory.md section 5), under a persuasion or
 * rejection dilemma. {@code threatened} is the option's value in the threatened future T,
 * {@code proposed} the value the proposing character's position gives it. With
 * {@code comply} = T with this option set to {@code proposed}, the owner either prefers T
 * ({@code verdict} "persuasion": the proposer has a persuasion dilemma about this option),
 * prefers to comply ("rejection": the owner has a rejection dilemma about it) or is
 * indifferent ("indifferent").
 */
public record OptionDetail(String optionId, String ownerId, boolean threatened, boolean proposed, String verdict) {
    public static final String PERSUASION = "persuasion";
    public static final String REJECTION = "rejection";
    public static final String INDIFFERENT = "indifferent";
}

package dev.drama.engine;

/**
 * An explanation or a way-out description, written the first time someone reads it. The server
 * shows only the dilemmas that arose or were resolved by a move, so most texts of an analysis
 * are never read; writing them all took a third of the analysis. A recipe reads only immutable
 * state (the board's compiled situation and arrays the search copied for it), so the text is the
 * same whenever, and on whichever thread, it is written.
 */
final class Text {
    /** Writes one text with the narrator's sentence builders. */
    interface Recipe {
        void write(Narrator words);
    }

    /** One builder per thread, reused for every text it writes (a recipe never reads another text). */
    private static final ThreadLocal<StringBuilder> BUILDER = ThreadLocal.withInitial(() -> new StringBuilder(256));

    private final Narrator.Vocabulary vocabulary;
    private final Recipe recipe;
    /** Written once; a String is immutable, so a racy second writing on another thread is harmless. */
    private String value;

    Text(Narrator.Vocabulary vocabulary, Recipe recipe) {
        this.vocabulary = vocabulary;
        this.recipe = recipe;
    }

    /** A text that is already written. */
    static Text of(String value) {
        Text text = new Text(null, null);
        text.value = value;
        return text;
    }

    String get() {
        String v = value;
        if (v == null) {
            StringBuilder sb = BUILDER.get();
            sb.setLength(0); // left over if an earlier writing failed half-way
            Narrator words = new Narrator(vocabulary, sb);
            recipe.write(words);
            v = words.end();
            value = v;
        }
        return v;
    }

    @Override
    public String toString() {
        return get();
    }
}

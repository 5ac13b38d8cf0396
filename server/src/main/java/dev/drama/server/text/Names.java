package dev.drama.server.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.List;
import java.util.Locale;

/**
 * When two display names would look the same to the people reading them. Names are
 * compared by their confusable skeleton (Unicode TR39, from ICU's confusables data)
 * after case folding, so "Alice", "ALICE" and "Аlice" (Cyrillic А) are one name, and a
 * participant cannot pass for the trainer ("Tгainer", "Facilitator (trainer)").
 */
public final class Names {
    // Built once: a SpoofChecker may be used by many threads (each session is an actor on its own thread).
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();
    // NFKC with case folding also drops default-ignorable characters (zero-width and the like).
    private static final Normalizer2 FOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    // The words the consoles use for the trainer: "Trainer", "Facilitator (trainer)".
    private static final List<String> TRAINER_WORDS = List.of("trainer", "facilitator").stream()
            .flatMap(w -> List.of(letters(skeleton(w)), letters(capitals(w))).stream()).toList();

    private Names() {
    }

    /**
     * A name's confusable skeleton, case folded: equal skeletons look alike ("Tгainer" and
     * "trainer", "Аlice" and "ALICE"). Spacing does not count. Compare names with
     * {@link #sameName}, which also catches lookalikes that exist only as capitals.
     */
    public static String skeleton(String name) {
        return key(FOLD.normalize(NFKC.normalize(name)));
    }

    /**
     * Whether two display names would be taken for one another. Skeletons are case-sensitive
     * (a Cyrillic capital М passes for M, its small м not for m), so names are compared as
     * folded to small letters and again as raised to capitals.
     */
    public static boolean sameName(String a, String b) {
        return skeleton(a).equals(skeleton(b)) || capitals(a).equals(capitals(b));
    }

    /** Whether a name reads as the trainer's label, however spelt, spaced or decorated ("(trainer)"). */
    public static boolean imitatesTrainer(String name) {
        String c = compact(name);
        return TRAINER_WORDS.stream().anyMatch(c::contains);
    }

    private static String capitals(String name) {
        return key(UCharacter.toUpperCase(Locale.ROOT, NFKC.normalize(name)));
    }

    private static String key(String name) {
        return FOLD.normalize(SPOOF.getSkeleton(name)).strip().replaceAll("\\s+", " ");
    }

    /** Both skeletons with everything but letters and digits left out: "F.a.c-i l" reads as "facil". */
    private static String compact(String name) {
        return letters(skeleton(name)) + " " + letters(capitals(name));
    }

    private static String letters(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }
}

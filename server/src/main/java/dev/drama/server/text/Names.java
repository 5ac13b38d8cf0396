package dev.drama.server.text;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.List;

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
    // The words the consoles use for the trainer: "Trainer", "Facilitator (trainer)".
    private static final List<String> TRAINER_WORDS = List.of(compact("trainer"), compact("facilitator"));

    private Names() {
    }

    /** A name's confusable skeleton: equal skeletons look alike. Spacing and case do not count. */
    public static String skeleton(String name) {
        String folded = FOLD.normalize(name).strip().replaceAll("\\s+", " ");
        return FOLD.normalize(SPOOF.getSkeleton(folded));
    }

    /** Whether two display names would be taken for one another. */
    public static boolean sameName(String a, String b) {
        return skeleton(a).equals(skeleton(b));
    }

    /** Whether a name reads as the trainer's label, however spelt, spaced or decorated ("(trainer)"). */
    public static boolean imitatesTrainer(String name) {
        String c = compact(name);
        return TRAINER_WORDS.stream().anyMatch(c::contains);
    }

    /** The skeleton with everything but letters and digits left out: "F.a.c-i l" reads as "facil". */
    private static String compact(String name) {
        StringBuilder out = new StringBuilder();
        skeleton(name).codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }
}

package dev.drama.engine;

import java.util.List;
import java.util.Optional;

/**
 * One dilemma: its kind, the character holding it, the character it is held towards (absent
 * for threat and co-operation), the two futures compared (see {@link DilemmaEngine} for which
 * per kind), the option-level detail (persuasion and rejection), the ways out and a
 * plain-language explanation from the holder's point of view.
 */
public record Dilemma(DilemmaKind kind, String holder, Optional<String> towards,
                      Future compared, Future against,
                      List<OptionDetail> detail, List<WayOut> waysOut, String explanation) {

    public Dilemma {
        detail = List.copyOf(detail);
        waysOut = List.copyOf(waysOut);
    }

    /** Identity for diffs: {@code "persuasion:H->W"}, or {@code "threat:H"} without a towards. */
    public String key() {
        return key(kind, holder, towards.orElse(null));
    }

    static String key(DilemmaKind kind, String holder, String towards) {
        return towards == null ? kind.id() + ":" + holder : kind.id() + ":" + holder + "->" + towards;
    }
}

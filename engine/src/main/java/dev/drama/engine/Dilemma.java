package dev.drama.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One dilemma: its kind, the character holding it, the character it is held towards (absent
 * for threat and co-operation), the two futures compared (see {@link DilemmaEngine} for which
 * per kind), the option-level detail (persuasion and rejection), the ways out and a
 * plain-language explanation from the holder's point of view. Immutable; the explanation is
 * written when first read (see {@link Text}).
 */
public final class Dilemma {
    private final DilemmaKind kind;
    private final String holder;
    private final Optional<String> towards;
    private final Future compared;
    private final Future against;
    private final List<OptionDetail> detail;
    private final List<WayOut> waysOut;
    private final Text explanation;

    public Dilemma(DilemmaKind kind, String holder, Optional<String> towards, Future compared, Future against,
                   List<OptionDetail> detail, List<WayOut> waysOut, String explanation) {
        this(kind, holder, towards, compared, against, detail, waysOut, Text.of(Objects.requireNonNull(explanation, "explanation")));
    }

    /** The engine's own: the explanation is written when first read. */
    Dilemma(DilemmaKind kind, String holder, Optional<String> towards, Future compared, Future against,
            List<OptionDetail> detail, List<WayOut> waysOut, Text explanation) {
        this.kind = kind;
        this.holder = holder;
        this.towards = towards;
        this.compared = compared;
        this.against = against;
        this.detail = List.copyOf(detail);
        this.waysOut = List.copyOf(waysOut);
        this.explanation = explanation;
    }

    public DilemmaKind kind() {
        return kind;
    }

    public String holder() {
        return holder;
    }

    public Optional<String> towards() {
        return towards;
    }

    public Future compared() {
        return compared;
    }

    public Future against() {
        return against;
    }

    public List<OptionDetail> detail() {
        return detail;
    }

    public List<WayOut> waysOut() {
        return waysOut;
    }

    public String explanation() {
        return explanation.get();
    }

    /** Identity for diffs: {@code "persuasion:H->W"}, or {@code "threat:H"} without a towards. */
    public String key() {
        return key(kind, holder, towards.orElse(null));
    }

    static String key(DilemmaKind kind, String holder, String towards) {
        return towards == null ? kind.id() + ":" + holder : kind.id() + ":" + holder + "->" + towards;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dilemma d && kind == d.kind && holder.equals(d.holder) && towards.equals(d.towards)
                && Objects.equals(compared, d.compared) && Objects.equals(against, d.against) && detail.equals(d.detail)
                && waysOut.equals(d.waysOut) && explanation().equals(d.explanation());
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, holder, towards, compared, against, detail, waysOut, explanation());
    }

    @Override
    public String toString() {
        return "Dilemma[kind=" + kind + ", holder=" + holder + ", towards=" + towards + ", compared=" + compared + ", against="
                + against + ", detail=" + detail + ", waysOut=" + waysOut + ", explanation=" + explanation() + "]";
    }
}

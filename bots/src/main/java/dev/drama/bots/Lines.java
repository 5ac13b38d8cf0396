package dev.drama.bots;

import java.util.Map;
import java.util.Random;

/**
 * The short things a bot says, from templates filled with the pack's option labels and its
 * own mandate. The seeded random picks among a few wordings so that sessions differ.
 */
final class Lines {
    /** Well under the server's text limit, and short enough to read at a glance. */
    static final int MAX_CHARS = 280;
    private static final int MANDATE_CHARS = 160;

    private final SeatView view;
    private final Random random;

    Lines(SeatView view, Random random) {
        this.view = view;
        this.random = random;
    }

    String opening(Stance stance) {
        String mandate = mandate();
        String open = switch (stance) {
            case REALIST -> pick("Let's be practical.", "We know what we need from this.");
            case BLUSTERER -> pick("Let me be very clear from the start.", "We will not be pushed around.");
            case APPEASER -> pick("We're here to find something everyone can live with.", "We want this partnership to work.");
            case SCEPTIC -> pick("We've heard promises before.", "Forgive us if we wait to see things written down.");
            case DEFECTOR -> pick("Happy to work with everyone here.", "We're open to any sensible deal.");
            case OPPRESSED -> pick("We're not in a strong position here, we know that.", "Nobody usually listens to us, but here goes.");
        };
        return cap(mandate.isEmpty() ? open : open + " Our mandate: " + mandate);
    }

    /** The note an offer carries, in the stance's voice. */
    String offerNote(Stance stance, Commands.Terms t) {
        String ask = t.ask().isEmpty() ? "" : view.describe(t.ask());
        String deal = t.promise().isEmpty() ? "" : view.describe(t.promise());
        String threat = t.threat().isEmpty() ? "" : view.describe(t.threat());
        StringBuilder b = new StringBuilder();
        if (!ask.isEmpty()) {
            b.append(stance == Stance.BLUSTERER ? "You will give us " : pick("We need ", "We ask for ")).append(ask).append('.');
        }
        if (!deal.isEmpty()) {
            b.append(b.isEmpty() ? "" : " ").append(pick("In return: ", "For our part: ")).append(deal).append('.');
        }
        if (!threat.isEmpty()) {
            b.append(b.isEmpty() ? "" : " ")
                    .append(stance == Stance.BLUSTERER ? pick("Otherwise, and we mean it: ", "Refuse and it's ")
                            : "If not: ").append(threat).append('.');
        }
        return cap(b.toString());
    }

    String doubt(Map<String, Boolean> promise) {
        return cap(pick("We'll believe ", "Words are cheap: we'll believe ") + view.describe(promise)
                + " when you state it as your intention.");
    }

    String reject(Stance stance) {
        return cap(switch (stance) {
            case BLUSTERER -> pick("Not a chance.", "You'll have to do a lot better than that.");
            case OPPRESSED, APPEASER -> pick("I'm sorry, we can't take that.", "We really can't agree to that one.");
            default -> pick("That doesn't work for us.", "No, not on those terms.");
        });
    }

    String bluster(Map<String, Boolean> intentions) {
        return cap(pick("Make no mistake: ", "Don't doubt us: ") + view.describe(intentions) + ".");
    }

    /** An answer to private words: what it needs from the speaker, in the stance's voice. */
    String reply(Stance stance, Map<String, Boolean> needs) {
        if (needs.isEmpty()) {
            return cap(pick("We hear you.", "Noted, thank you."));
        }
        String what = view.describe(needs);
        return cap(switch (stance) {
            case REALIST -> "What we need from you is " + what + ".";
            case BLUSTERER -> "Our terms haven't changed: " + what + ".";
            case APPEASER -> "We'll go along with most things; what matters to us is " + what + ".";
            case SCEPTIC -> "Show us, don't tell us: " + what + ".";
            case DEFECTOR -> "Of course we can work together. " + what + " would help.";
            case OPPRESSED -> "We only ask for " + what + ", please.";
        });
    }

    private String mandate() {
        String m = view.mandate().replaceAll("\\s+", " ").trim();
        if (m.length() <= MANDATE_CHARS) {
            return m;
        }
        int cut = m.lastIndexOf(';', MANDATE_CHARS);
        return (cut > 40 ? m.substring(0, cut) : m.substring(0, MANDATE_CHARS - 3) + "...").trim()
                + (cut > 40 ? "." : "");
    }

    private String pick(String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** Pack text is trusted, but a line must stay one short line of plain text. */
    static String cap(String text) {
        String t = text.replaceAll("\\p{Cntrl}", " ");
        return t.length() <= MAX_CHARS ? t : t.substring(0, MAX_CHARS - 3) + "...";
    }
}

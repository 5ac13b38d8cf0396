package dev.drama.cli.render;

import dev.drama.cli.command.Choices;
import dev.drama.cli.console.ConsoleState;
import dev.drama.proto.Offer;
import dev.drama.proto.OptionSetting;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Option settings and offers in the words of the pack: "Fund detached youth outreach on
 * the Parade: yes", not "fund=yes". Characters are "you" when they are this console's.
 */
public final class OfferText {
    private final ConsoleState state;

    public OfferText(ConsoleState state) {
        this.state = state;
    }

    /** "Label: yes; Other label: no". */
    public String settings(List<OptionSetting> settings) {
        return settings.stream().map(s -> state.optionLabel(s.getOptionId()) + ": " + Choices.word(s.getChoice()))
                .collect(Collectors.joining("; "));
    }

    /** A character as this console's reader calls it. */
    public String who(String characterId) {
        return state.isMe(characterId) ? "you" : state.characterName(characterId);
    }

    public String recipients(Offer offer) {
        return offer.getToCharacterIdsList().stream().map(this::who).collect(Collectors.joining(", "));
    }

    /**
     * One line for lists: "Dev Sandhu to you: asks ...; promises ...; threatens, if refused, ...
     * (note: ...)", the same order and words as the debrief's timeline.
     */
    public String summary(Offer offer) {
        StringBuilder out = new StringBuilder(capitalised(who(offer.getFromCharacterId())))
                .append(" to ").append(recipients(offer)).append(":");
        String separator = " ";
        if (offer.getAskCount() > 0) {
            out.append(separator).append("asks ").append(settings(offer.getAskList()));
            separator = "; ";
        }
        if (offer.getPromiseCount() > 0) {
            out.append(separator).append("promises ").append(settings(offer.getPromiseList()));
            separator = "; ";
        }
        if (offer.getThreatCount() > 0) {
            out.append(separator).append("threatens, if refused, ").append(settings(offer.getThreatList()));
        }
        if (!offer.getNote().isEmpty()) {
            out.append(" (note: ").append(offer.getNote()).append(")");
        }
        return out.toString();
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

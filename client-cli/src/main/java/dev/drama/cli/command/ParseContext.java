package dev.drama.cli.command;

import dev.drama.proto.Offer;
import dev.drama.proto.OptionView;
import dev.drama.proto.Role;
import java.util.Collection;
import java.util.Optional;

/**
 * What the parser may know about the session, so that it can turn names into ids and
 * refuse a bad argument before anything is sent. When something is not known yet
 * (no board received), the parser passes the word through and lets the server judge.
 */
public interface ParseContext {

    /** ROLE_UNSPECIFIED until the session is joined. */
    Role role();

    /** The character this console plays; empty when none. */
    String myCharacterId();

    /** True once a board has been received, so character and option ids can be checked. */
    boolean boardKnown();

    /** A character id from an id, a character name or the display name of its player (any case). */
    Optional<String> resolveCharacter(String word);

    /** Character ids on the board, in board order. */
    Collection<String> characterIds();

    /** The characters' names and their players' display names, for suggestions when a name is mistyped. */
    default Collection<String> characterNames() {
        return java.util.List.of();
    }

    Optional<OptionView> option(String optionId);

    Collection<String> optionIds();

    /** True once a session state has been received, so participant names can be resolved. */
    boolean participantsKnown();

    /** A participant id from a display name or an id (any case). */
    Optional<String> resolveParticipant(String nameOrId);

    Optional<Offer> offer(String offerId);

    /** The ids of the offers still open, oldest first. */
    default Collection<String> pendingOfferIds() {
        return java.util.List.of();
    }

    /** A character's name for people; the id when unknown. */
    default String characterName(String characterId) {
        return characterId;
    }

    /** The name this console asked for (a trainer's seat); empty: the server's default. */
    default String myName() {
        return "";
    }

    /** The seq /history pages back from: the earliest event shown so far (0: the latest). */
    default long historyBefore() {
        return 0;
    }

    /** A context that knows nothing: every word passes through to the server. */
    static ParseContext empty() {
        return new ParseContext() {
            @Override public Role role() { return Role.ROLE_UNSPECIFIED; }
            @Override public String myCharacterId() { return ""; }
            @Override public boolean boardKnown() { return false; }
            @Override public Optional<String> resolveCharacter(String word) { return Optional.empty(); }
            @Override public Collection<String> characterIds() { return java.util.List.of(); }
            @Override public Optional<OptionView> option(String optionId) { return Optional.empty(); }
            @Override public Collection<String> optionIds() { return java.util.List.of(); }
            @Override public boolean participantsKnown() { return false; }
            @Override public Optional<String> resolveParticipant(String nameOrId) { return Optional.empty(); }
            @Override public Optional<Offer> offer(String offerId) { return Optional.empty(); }
        };
    }
}

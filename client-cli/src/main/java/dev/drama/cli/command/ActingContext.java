package dev.drama.cli.command;

import dev.drama.proto.Offer;
import dev.drama.proto.OptionView;
import dev.drama.proto.Role;
import java.util.Collection;
import java.util.Optional;

/** What the parser knows, seen from a character the trainer plays (/as): a player's role and that character. */
final class ActingContext implements ParseContext {
    private final ParseContext session;
    private final String characterId;

    private ActingContext(ParseContext session, String characterId) {
        this.session = session;
        this.characterId = characterId;
    }

    static ParseContext as(ParseContext session, String characterId) {
        return new ActingContext(session, characterId);
    }

    @Override public Role role() { return Role.TRAINEE; }
    @Override public String myCharacterId() { return characterId; }
    @Override public boolean boardKnown() { return session.boardKnown(); }
    @Override public Optional<String> resolveCharacter(String word) { return session.resolveCharacter(word); }
    @Override public Collection<String> characterIds() { return session.characterIds(); }
    @Override public Optional<OptionView> option(String optionId) { return session.option(optionId); }
    @Override public Collection<String> optionIds() { return session.optionIds(); }
    @Override public boolean participantsKnown() { return session.participantsKnown(); }
    @Override public Optional<String> resolveParticipant(String nameOrId) { return session.resolveParticipant(nameOrId); }
    @Override public Optional<Offer> offer(String offerId) { return session.offer(offerId); }
    @Override public Collection<String> characterNames() { return session.characterNames(); }
    @Override public Collection<String> pendingOfferIds() { return session.pendingOfferIds(); }
    @Override public String characterName(String characterId) { return session.characterName(characterId); }
}

// The trainer's assignment of characters on the dashboard: a participant, a character (or
// none), Assign; Auto gives every trainee without a character a free one. The same command
// as the console's /assign; the server checks it. Uses dashboard.js's state and request().
'use strict';

/** The participants as they stand: a session state lists them all, a participant event changes one. */
const people = new Map();

function renderAssign() {
  const form = $('assign-form');
  const trainer = state.joined && state.joined.role === 'TRAINER';
  form.hidden = !trainer;
  if (!trainer || !state.session) return;
  const who = $('assign-who');
  const character = $('assign-character');
  const chosenWho = who.value;
  const chosenCharacter = character.value;
  const trainees = [...people.values()].filter(p => p.role === 'TRAINEE');
  const plays = p => p.characterId ? ' (' + characterName(p.characterId) + ')' : ' (no character)';
  who.replaceChildren(...trainees.map(p => el('option', { value: p.participantId }, p.displayName + plays(p))));
  const characters = (state.board && state.board.characters) || [];
  character.replaceChildren(...characters.map(c => el('option', { value: c.id },
    c.name + (c.playedBy ? ', played by ' + c.playedBy : ''))), el('option', { value: '' }, 'none (take it away)'));
  // Keep what the trainer was choosing while the lists change under it.
  if (trainees.some(p => p.participantId === chosenWho)) who.value = chosenWho;
  if ([...character.options].some(o => o.value === chosenCharacter)) character.value = chosenCharacter;
  form.querySelector('button[type=submit]').disabled = trainees.length === 0;
}

document.addEventListener('drama:message', e => {
  const m = e.detail;
  if (m.sessionState) {
    people.clear();
    (m.sessionState.participants || []).forEach(p => people.set(p.participantId, p));
  } else if (m.participant && m.participant.participant) {
    const p = m.participant.participant;
    if (m.participant.change === 'REMOVED') people.delete(p.participantId);
    else people.set(p.participantId, p);
  }
  if (m.sessionJoined || m.sessionState || m.participant || m.board) renderAssign();
});

$('assign-form').addEventListener('submit', ev => {
  ev.preventDefault();
  const participantId = $('assign-who').value;
  if (!participantId) return;
  request({ assignCharacter: { participantId, characterId: $('assign-character').value } });
});
$('assign-auto').addEventListener('click', () => request({ assignCharacter: {} }));

// The cohort page: every group of a cohort side by side, live, and after the debrief what
// each group met and how the groups' outcomes spread. The server sends the whole view
// (trainers' information: the link holds the cohort's token); this script only shows it.
'use strict';

const params = new URLSearchParams(location.hash.slice(1));
const cohortId = params.get('cohort') || '';
const cohortToken = params.get('token') || '';
let view = null;
let socket = null;
let retryMs = 500;
let nextRequest = 1;

function send(command) {
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ requestId: nextRequest++, ...command }));
}

function connect() {
  if (!cohortId || !cohortToken) {
    status('This page needs a cohort link: open the link the trainer\'s console printed for the cohort.', true);
    return;
  }
  socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
  socket.onopen = () => {
    retryMs = 500;
    send({ hello: { protocolVersion: 'PROTOCOL_VERSION_CURRENT', client: 'drama-web cohort 0.1' } });
    send({ watchCohort: { cohortId, cohortToken } });
  };
  socket.onmessage = e => {
    const m = JSON.parse(e.data);
    if (m.error) status('Refused: ' + m.error.message, true);
    else if (m.cohort) { view = m.cohort; status(''); render(); }
  };
  socket.onclose = () => {
    status('Connection lost; reconnecting…', true);
    setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 10000);
  };
}
setInterval(() => send({ ping: { nonce: Date.now() } }), 15000);

// ------------------------------------------------------------------ views

function characterName(group, id) {
  const c = (group.characters || []).find(x => x.characterId === id);
  return c ? c.name : id;
}

function kindBadge(kind, count) {
  const k = KINDS[kind] || { letter: kind, name: kind };
  return el('span', { class: 'kind', 'data-kind': kind, title: count + ' ' + k.name + ' dilemma' + (count === 1 ? '' : 's') },
    k.letter, count > 1 ? el('span', { class: 'n' }, '×' + count) : null);
}

function render() {
  document.title = 'Cohort · ' + (view.packTitle || 'drama');
  $('pack-title').textContent = view.packTitle || view.packId;
  const groups = view.groups || [];
  $('cohort-summary').textContent = groups.length + ' groups'
    + (view.groupsWithOutcome ? ' · ' + view.groupsWithOutcome + ' with an outcome' : '');
  $('groups').replaceChildren(...groups.map(renderGroup));
  renderSpread();
  renderClocks();
}

function renderGroup(g) {
  const name = 'Group ' + g.number;
  if (g.missing) {
    return el('article', { class: 'panel group missing', 'aria-label': name },
      el('div', { class: 'group-head' }, el('h2', {}, name)),
      el('p', { class: 'empty' }, 'This group\'s session is not on the server.'));
  }
  const facts = [(g.trainees || 0) + ' trainee' + (g.trainees === 1 ? '' : 's'),
    (g.offersPending || 0) + ' offer' + (g.offersPending === 1 ? '' : 's') + ' pending',
    (g.agreements || 0) + ' agreement' + (g.agreements === 1 ? '' : 's')];
  const ranks = new Map(((g.outcome || {}).characters || []).map(c => [c.characterId, c.rankOfOutcome]));
  const rows = (g.characters || []).map(c => el('tr', {},
    el('th', { scope: 'row' }, c.name, el('small', {}, c.playedBy || 'not played')),
    el('td', {}, (c.current || []).length ? (c.current || []).flatMap(k => [kindBadge(k.kind, k.count || 0), ' '])
      : el('span', { class: 'none' }, g.phase === 'LOBBY' ? '' : 'none')),
    g.outcome ? el('td', { class: 'rank' }, String(ranks.get(c.characterId) || '–')) : null));
  const head = el('tr', {}, el('th', { scope: 'col' }, 'Character'),
    el('th', { scope: 'col' }, g.outcome ? 'Dilemmas at the end' : 'Dilemmas now'),
    g.outcome ? el('th', { scope: 'col', class: 'rank',
      title: 'where each character ranks the outcome: 1 is best, of ' + (g.outcome.comparedFutures || '?') }, 'Rank') : null);
  return el('article', { class: 'panel group', 'aria-label': name, 'data-group': g.number },
    el('div', { class: 'group-head' }, el('h2', {}, name), el('span', { class: 'code' }, g.joinCode),
      el('span', { class: 'clock', 'data-group-clock': g.number }, '')),
    el('p', {}, el('span', { class: 'phase' }, PHASE_NAMES[g.phase] || g.phase)),
    el('p', { class: 'facts' }, facts.join(' · '),
      g.crisisPoint ? [' · ', el('span', { class: 'crisis' }, 'crisis point')] : null,
      g.commitmentPoint ? ' · commitment point' : null),
    el('table', { class: 'dilemmas' }, el('thead', {}, head), el('tbody', {}, rows)),
    g.outcome ? el('p', { class: 'facts' }, 'Rank: where each ranks the outcome, 1 best of ' + (g.outcome.comparedFutures || '?')) : null,
    (g.met || []).length ? renderMet(g) : null);
}

// By kind first (what a room compares), then every dilemma on demand.
function renderMet(g) {
  const met = g.met || [];
  const resolved = met.filter(d => d.resolved).length;
  const kinds = Object.keys(KINDS).filter(kind => met.some(d => d.kind === kind));
  return [el('h3', {}, 'Dilemmas met: ' + met.length + ', ' + resolved + ' resolved'),
    el('ul', { class: 'met-kinds', 'aria-label': 'met and resolved, by kind' }, kinds.map(kind => {
      const ofKind = met.filter(d => d.kind === kind);
      return el('li', {}, kindBadge(kind, 1), ' ' + ofKind.length + ' met, ' + ofKind.filter(d => d.resolved).length + ' resolved');
    })),
    el('details', {}, el('summary', {}, 'each dilemma met'),
      el('ul', { class: 'met' }, met.map(d => el('li', { class: d.resolved ? 'resolved' : 'open' },
        kindBadge(d.kind, 1), ' ', characterName(g, d.holderId),
        d.towardsId ? ' → ' + characterName(g, d.towardsId) : '', ' ',
        el('span', { class: 'state' }, d.resolved ? 'resolved' : 'still there at the end')))))];
}

function renderSpread() {
  const panel = $('spread-panel');
  const spread = view.spread || [];
  panel.hidden = spread.length === 0;
  if (!spread.length) return;
  const ended = (view.groups || []).filter(g => g.outcome).map(g => g.number);
  $('spread-count').textContent = 'over the ' + ended.length + ' groups with an outcome';
  const mark = (yes) => el('span', { class: 'mark ' + (yes ? 'yes' : 'no') }, yes ? '✓' : '✗',
    el('span', { class: 'visually-hidden' }, yes ? ' taken' : ' not taken'));
  const head = el('tr', {}, el('th', { scope: 'col', class: 'option' }, 'Option'),
    ended.map(n => el('th', { scope: 'col' }, 'Group ' + n)),
    el('th', { scope: 'col' }, 'Taken in'));
  const rows = spread.map(o => {
    const taken = o.takenIn || [];
    const notTaken = o.notTakenIn || [];
    const owner = view.groups.find(g => g.outcome);
    return el('tr', { class: taken.length && notTaken.length ? 'split' : '' },
      el('th', { scope: 'row', title: o.ownerId ? 'owned by ' + characterName(owner, o.ownerId) : '' }, o.label || o.optionId),
      ended.map(n => el('td', {}, taken.includes(n) ? mark(true) : notTaken.includes(n) ? mark(false) : '')),
      el('td', { class: 'count' }, taken.length + ' of ' + (taken.length + notTaken.length)));
  });
  $('spread').replaceChildren(el('thead', {}, head), el('tbody', {}, rows));
}

function renderClocks() {
  if (!view) return;
  for (const g of view.groups || []) {
    const c = document.querySelector(`[data-group-clock="${g.number}"]`);
    if (c) c.textContent = clockText(g);
  }
}
setInterval(renderClocks, 1000);

$('legend').replaceChildren(...Object.entries(KINDS).map(([kind, k]) =>
  el('li', {}, el('span', { class: 'kind', 'data-kind': kind }, k.letter), ' ', k.name)));
connect();

// The trainer's dashboard and the projector view. One WebSocket carries the same
// protocol as the terminal consoles, as protobuf JSON. The server decides what this page
// may see (a trainer sees everything; a projector is an observer): this script only shows
// what arrives. Every text someone typed goes into the page as text, never as markup.
'use strict';

const TIMELINE_KEPT = 400;
const PING_EVERY_MS = 15000;

const params = new URLSearchParams(location.hash.slice(1));
let joinCode = (params.get('code') || '').toUpperCase();  // a rotated code replaces it
const dashboardToken = params.get('token') || '';
const wantsTrainer = dashboardToken !== '';

const state = {
  joined: null, session: null, board: null, boardAsked: false,
  offers: new Map(), dilemmas: new Map(), selected: null, outcome: null,
  links: null, nextRequest: 1, pending: new Map(), nameTry: 1,
};

// The small DOM helpers ($, el, svg, status), the clock's text and the kinds of dilemma are in common.js.

function time(ms) {
  const d = ms ? new Date(ms) : new Date();
  return d.toTimeString().slice(0, 8);
}

// ------------------------------------------------------------------ names and words

function characterName(id) {
  if (!id) return 'the trainer';
  const c = state.board && (state.board.characters || []).find(x => x.id === id);
  return c ? c.name : id;
}

function initials(name) {
  return name.split(/\s+/).filter(w => /^[A-Za-z]/.test(w)).map(w => w[0]).join('').slice(0, 3).toUpperCase();
}

/** A long name on two lines, split at the space nearest its middle. */
function twoLines(name) {
  if (name.length <= 14 || !name.includes(' ')) return [name];
  let best = -1;
  for (let i = name.indexOf(' '); i >= 0; i = name.indexOf(' ', i + 1)) {
    if (best < 0 || Math.abs(i - name.length / 2) < Math.abs(best - name.length / 2)) best = i;
  }
  return [name.slice(0, best), name.slice(best + 1)];
}

function option(id) {
  return state.board && (state.board.options || []).find(o => o.id === id);
}

function choiceWord(choice) {
  return choice === 'YES' ? 'yes' : choice === 'NO' ? 'no' : 'open';
}

function settingsInWords(settings) {
  return (settings || []).map(s => {
    const o = option(s.optionId);
    return (o ? o.label : s.optionId) + ': ' + choiceWord(s.choice);
  }).join('; ');
}

function dilemmaKey(d) { return [d.holderId, d.kind, d.towardsId || ''].join('|'); }

function dilemmaTitle(d) {
  const k = KINDS[d.kind] || { name: d.kind };
  return characterName(d.holderId) + ': ' + k.name + ' dilemma' + (d.towardsId ? ' towards ' + characterName(d.towardsId) : '');
}

// ------------------------------------------------------------------ the connection

let socket = null;
let retryMs = 500;

function connect() {
  if (!joinCode) {
    status('This page needs a link with a join code: open the link the trainer\'s console printed.', true);
    $('role-label').textContent = 'no session';
    return;
  }
  socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
  socket.onopen = () => {
    retryMs = 500;
    request({ hello: { protocolVersion: 'PROTOCOL_VERSION_CURRENT', client: 'drama-web 0.1' } }, enterSession);
  };
  socket.onmessage = e => receive(JSON.parse(e.data));
  socket.onclose = () => {
    status('Connection lost; reconnecting…', true);
    setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 10000);
  };
}

function request(command, then) {
  const id = state.nextRequest++;
  if (then) state.pending.set(String(id), then);
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ requestId: id, ...command }));
}

function resumeKey() { return 'drama-resume-' + joinCode + (wantsTrainer ? '-trainer' : '-projector'); }

/** Takes back this tab's seat after a reload or a drop; otherwise takes a new one. */
function enterSession() {
  const token = sessionStorage.getItem(resumeKey());
  if (token) {
    request({ resume: { resumeToken: token } }, reply => {
      if (reply.error) { sessionStorage.removeItem(resumeKey()); takeSeat(); }
    });
  } else {
    takeSeat();
  }
}

function takeSeat() {
  const name = (wantsTrainer ? 'Dashboard' : 'Projector') + (state.nameTry > 1 ? ' ' + state.nameTry : '');
  const command = wantsTrainer
    ? { attachTrainer: { joinCode, dashboardToken, displayName: name } }
    : { watch: { joinCode, displayName: name } };
  request(command, reply => {
    if (reply.error && reply.error.code === 'NAME_TAKEN' && state.nameTry < 20) {
      state.nameTry++;
      takeSeat();
    }
  });
}

setInterval(() => request({ ping: { nonce: Date.now() } }), PING_EVERY_MS);

// ------------------------------------------------------------------ events

function receive(m) {
  const then = m.requestId && state.pending.get(m.requestId);
  if (then) state.pending.delete(m.requestId);
  if (m.error) {
    status('Refused: ' + m.error.message, true);
  } else if (m.sessionJoined) {
    joined(m.sessionJoined);
  } else if (m.sessionState) {
    sessionState(m.sessionState);
  } else if (m.board) {
    state.board = m.board;
    state.boardAsked = false;
    boardChanged();
  } else if (m.boardDelta) {
    if (applyDelta(m.boardDelta)) {
      if (m.boardDelta.changedBy) log('move', characterName(m.boardDelta.changedBy) + ' moved (position or stated intentions)');
      boardChanged();
    }
  } else if (m.offer) {
    offer(m.offer);
  } else if (m.talk) {
    talk(m.talk);
  } else if (m.dilemma) {
    dilemma(m.dilemma);
  } else if (m.participant) {
    participant(m.participant);
  } else if (m.inject) {
    log('inject', 'Inject: ' + (m.inject.title || 'from the trainer') + (m.inject.text ? ': ' + m.inject.text : ''));
  } else if (m.commitment) {
    commitment(m.commitment);
  } else if (m.outcome) {
    state.outcome = m.outcome.outcome || [];
    renderBoard();
    log('outcome', 'Outcome: ' + (m.outcome.summary || settingsInWords(m.outcome.outcome)));
  } else if (m.notice) {
    log('notice', m.notice.text);
  } else if (m.joinCode) {
    log('notice', 'New join code: ' + m.joinCode.joinCode + ' (the old links no longer open the session)');
    $('join-code').textContent = m.joinCode.joinCode;
    joinCode = m.joinCode.joinCode;
  } else if (m.dashboardLinks) {
    state.links = m.dashboardLinks;
    // After a rotated join code the server sends fresh links: this page's own address follows, so a reload still works.
    if (wantsTrainer) history.replaceState(null, '', new URL(m.dashboardLinks.dashboardUrl).hash);
    renderLinks();
  }
  if (then) then(m);
  // Other scripts of the page (assign.js) follow the same messages.
  document.dispatchEvent(new CustomEvent('drama:message', { detail: m }));
}

function boardChanged() {
  renderBoard();
  renderMap();
  renderOffers();
}

/**
 * After a move the server sends what changed on the board (BoardDelta in drama.proto; the
 * Java clients read it with BoardDeltas, by the same rules). True when it was applied; a
 * stale one is ignored, and one that shows changes were missed asks for the whole board.
 */
function applyDelta(d) {
  const held = state.board;
  const heldVersion = held ? Number(held.version || 0) : -1;
  if (Number(d.baseVersion || 0) !== heldVersion) {
    if (held && Number(d.version || 0) <= heldVersion) return false;
    if (!state.boardAsked) {
      state.boardAsked = true;
      request({ getBoard: {} });
    }
    return false;
  }
  // Each changed item replaces the one of its id, in place; new ones (an inject's) are appended.
  const merged = (items, changed, id) => {
    const out = (items || []).slice();
    for (const item of changed || []) {
      const at = out.findIndex(x => id(x) === id(item));
      if (at < 0) out.push(item); else out[at] = item;
    }
    return out;
  };
  state.board = Object.assign({}, held, {
    version: d.version,
    characters: merged(held.characters, d.characters, c => c.id),
    options: merged(held.options, d.options, o => o.id),
    stances: merged(held.stances, d.stances, st => st.characterId),
    crisisPoint: !!d.crisisPoint,
    commitmentPoint: !!d.commitmentPoint,
    changedBy: d.changedBy || '',
  });
  if (d.threatenedFuture) state.board.threatenedFuture = d.threatenedFuture.settings || [];
  if (d.preferencesChanged) state.board.preferencesChanged = d.preferencesChanged.ids || [];
  return true;
}

function joined(j) {
  state.joined = j;
  state.dilemmas.clear();
  state.offers.clear();
  state.outcome = null;
  $('timeline').replaceChildren();
  sessionStorage.setItem(resumeKey(), j.resumeToken);
  const trainer = j.role === 'TRAINER';
  document.body.classList.toggle('trainer', trainer);
  document.body.classList.toggle('projector', !trainer);
  $('role-label').textContent = trainer ? 'Trainer\'s dashboard' : 'Projector: what everyone may see';
  $('join-code').textContent = j.joinCode;
  $('controls').hidden = !trainer;
  $('inject-form').hidden = !trainer;
  document.title = (trainer ? 'Dashboard' : 'Projector') + ' · ' + (j.packTitle || 'drama');
  status('');
}

function sessionState(s) {
  const before = state.session;
  state.session = s;
  if (!before || before.phase !== s.phase) log('phase', 'Phase: ' + PHASE_NAMES[s.phase]);
  else if (!!before.paused !== !!s.paused) log('phase', s.paused ? 'The clock is paused' : 'The clock runs again');
  $('pack-title').textContent = s.packTitle || 'drama';
  renderPhases();
  renderClock();
  renderMap();
  renderDebriefLink();
}

/** The debrief page: a trainer's at any time, the projector's once the debrief is everyone's. */
function renderDebriefLink() {
  const link = $('debrief-link');
  const trainer = state.joined && state.joined.role === 'TRAINER';
  const open = state.session && (state.session.phase === 'DEBRIEF' || state.session.phase === 'ENDED');
  link.href = 'debrief.html' + location.hash;
  link.hidden = !trainer && !open;
}

function offer(e) {
  const o = e.offer;
  const before = state.offers.get(o.offerId);
  state.offers.set(o.offerId, o);
  const word = (o.status || 'PENDING').toLowerCase();
  const to = (o.toCharacterIds || []).map(characterName).join(', ');
  log('offer', before
    ? 'Offer ' + o.offerId + ' ' + word + (e.byCharacterId ? ' by ' + characterName(e.byCharacterId) : '')
    : characterName(o.fromCharacterId) + ' offers ' + to + ' (' + o.offerId + ')'
      + (o.ask ? '; asks ' + settingsInWords(o.ask) : '')
      + (o.promise ? '; promises ' + settingsInWords(o.promise) : '')
      + (o.threat ? '; threatens ' + settingsInWords(o.threat) : ''));
  renderOffers();
  renderBoard();
}

function talk(t) {
  const from = t.fromName || characterName(t.fromCharacterId);
  const to = (t.toCharacterIds || []).map(characterName).join(', ');
  const line = el('li', { class: 't-talk' + (t.private ? ' t-private' : '') },
    el('time', {}, time()), ' ',
    t.private ? el('span', { class: 'tag' }, 'private') : null, ' ',
    el('b', {}, from), to ? ' to ' + to : '', ': ',
    el('q', {}, t.text || ''));
  addToTimeline(line);
}

function dilemma(e) {
  const d = e.dilemma;
  const key = dilemmaKey(d);
  if (e.change === 'RESOLVED') {
    state.dilemmas.delete(key);
    if (state.selected === key) state.selected = null;
    log('dilemma', dilemmaTitle(d) + ' resolved');
  } else {
    state.dilemmas.set(key, { d, since: Date.now() });
    if (e.change === 'AROSE') log('dilemma', dilemmaTitle(d) + ' arose');
  }
  renderMap();
}

function commitment(c) {
  // A trainer hears of each commitment twice: as everyone does (that it happened), and with the choices.
  if (!c.choices && state.joined && state.joined.role === 'TRAINER') return;
  log('commit', characterName(c.characterId) + ' committed' + (c.choices ? ': ' + settingsInWords(c.choices) : ''));
}

function participant(e) {
  const p = e.participant;
  const words = { JOINED: 'joined', LEFT: 'left', BACK: 'is back', ASSIGNED: 'now plays ' + characterName(p.characterId),
    REMOVED: 'was removed', MUTED: 'was muted', UNMUTED: 'may talk again' };
  if (e.change !== 'ASSIGNED' || p.characterId) log('people', p.displayName + ' ' + (words[e.change] || e.change));
}

function log(kind, text) {
  addToTimeline(el('li', { class: 't-' + kind }, el('time', {}, time()), ' ', text));
}

function addToTimeline(item) {
  const list = $('timeline');
  list.prepend(item);
  while (list.children.length > TIMELINE_KEPT) list.lastChild.remove();
}

// ------------------------------------------------------------------ views

function renderPhases() {
  const current = state.session ? state.session.phase : 'LOBBY';
  const at = PHASES.indexOf(current);
  $('phases').replaceChildren(...PHASES.map((p, i) => el('li', {
    class: i < at ? 'done' : i === at ? 'now' : '', 'aria-current': i === at ? 'step' : null,
  }, PHASE_NAMES[p])));
  const next = PHASES[at + 1];
  const button = $('next-phase');
  button.disabled = !next;
  button.textContent = next === 'DEBRIEF' ? 'Open the debrief' : next ? 'Next: ' + PHASE_NAMES[next] : 'Last phase';
  $('pause').textContent = state.session && state.session.paused ? 'Resume' : 'Pause';
}

function renderClock() {
  const s = state.session;
  const c = $('clock');
  if (!s) return;
  const seconds = secondsLeft(s);
  c.classList.toggle('paused', !!s.paused);
  c.classList.toggle('late', seconds !== null && seconds <= 60 && !s.paused);
  c.title = seconds === null ? 'this phase has no clock' : '';
  c.textContent = clockText(s);
}
setInterval(renderClock, 1000);

function mark(choice, label) {
  if (!choice || choice === 'OPEN' || choice === 'CHOICE_UNSPECIFIED') {
    return el('span', { class: 'mark open', title: label + ': open' }, '·');
  }
  const yes = choice === 'YES';
  return el('span', { class: 'mark ' + (yes ? 'yes' : 'no'), title: label + ': ' + (yes ? 'yes' : 'no') },
    yes ? '✓' : '✗', el('span', { class: 'visually-hidden' }, yes ? ' yes' : ' no'));
}

function renderBoard() {
  const b = state.board;
  if (!b) return;
  const characters = b.characters || [];
  const stance = id => (b.stances || []).find(s => s.characterId === id) || {};
  const find = (list, optionId) => ((list || []).find(s => s.optionId === optionId) || {}).choice;
  const threatened = optionId => find(b.threatenedFuture, optionId);
  // What accepted offers bind their parties to: the recipients' asks and the sender's promises.
  const agreed = new Map();
  for (const o of state.offers.values()) {
    if (o.status === 'ACCEPTED') [...(o.ask || []), ...(o.promise || [])].forEach(x => agreed.set(x.optionId, x.choice));
  }
  const outcome = state.outcome;
  const head = el('tr', {}, el('th', { scope: 'col', class: 'option' }, 'Option'),
    el('th', { scope: 'col', title: 'what the owner says it will do if no agreement is reached' }, 'Intends'),
    characters.map(c => el('th', { scope: 'col', title: c.name + (c.playedBy ? ', played by ' + c.playedBy : ', not played') },
      el('abbr', { 'aria-label': c.name }, initials(c.name)), el('small', {}, c.playedBy || '–'))),
    el('th', { scope: 'col', class: 'future', title: 'the future if nobody gives way' }, 'Threat'),
    el('th', { scope: 'col', class: 'agreed', title: 'what accepted offers settle' }, 'Agreed'),
    outcome ? el('th', { scope: 'col', class: 'outcome', title: 'what happened at the moment of truth' }, 'Outcome') : null);
  const rows = [];
  for (const owner of characters) {
    const owned = (b.options || []).filter(o => o.ownerId === owner.id);
    if (owned.length === 0) continue;
    rows.push(el('tr', { class: 'owner' }, el('th', { colspan: characters.length + (outcome ? 5 : 4), scope: 'rowgroup' }, owner.name)));
    for (const o of owned) {
      rows.push(el('tr', {},
        el('th', { scope: 'row', title: o.description || '' }, o.label),
        el('td', { class: 'intends' }, mark(find(stance(owner.id).intentions, o.id), owner.name + ' intends')),
        characters.map(c => el('td', { class: c.id === o.ownerId ? 'own' : '' },
          mark(find(stance(c.id).position, o.id), c.name + '\'s position'))),
        el('td', { class: 'future' }, mark(threatened(o.id), 'threatened future')),
        el('td', { class: 'agreed' }, agreed.has(o.id) ? mark(agreed.get(o.id), 'agreed') : ''),
        outcome ? el('td', { class: 'outcome' }, mark(find(outcome, o.id), 'outcome')) : null));
    }
  }
  $('board').replaceChildren(el('thead', {}, head), el('tbody', {}, rows));
  const flags = [];
  if (b.crisisPoint) flags.push('crisis point');
  if (b.commitmentPoint) flags.push('commitment point');
  $('board-flags').textContent = flags.join(' · ');
}

function renderOffers() {
  const list = [...state.offers.values()].reverse();
  const items = list.map(o => {
    const st = (o.status || 'PENDING');
    return el('li', { class: 'offer ' + st.toLowerCase() },
      el('div', { class: 'offer-head' },
        el('b', {}, characterName(o.fromCharacterId)), ' → ', (o.toCharacterIds || []).map(characterName).join(', '),
        el('span', { class: 'badge' }, st === 'ACCEPTED' ? 'agreement' : st.toLowerCase()),
        el('span', { class: 'id' }, o.offerId)),
      o.ask ? el('div', {}, el('span', { class: 'k' }, 'asks'), settingsInWords(o.ask)) : null,
      o.promise ? el('div', {}, el('span', { class: 'k' }, 'promises'), settingsInWords(o.promise)) : null,
      o.threat ? el('div', {}, el('span', { class: 'k' }, 'threatens'), settingsInWords(o.threat)) : null,
      o.note ? el('div', { class: 'note' }, el('q', {}, o.note)) : null);
  });
  $('offers').replaceChildren(...(items.length ? items : [el('li', { class: 'empty' }, state.joined && state.joined.role !== 'TRAINER'
    ? 'Offers are seen by the characters they concern.' : 'No offers yet.')]));
}

// The dilemma map: characters in a circle; a dilemma towards someone is an arrow from its
// holder, one about itself (threat, co-operation) a badge beside the holder.
function renderMap() {
  const map = $('map');
  const b = state.board;
  if (!b) return;
  const characters = b.characters || [];
  const cx = 260, cy = 200, r = 135, nodeR = 26;
  const at = new Map(characters.map((c, i) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / characters.length;
    return [c.id, { x: cx + r * Math.cos(a), y: cy + r * Math.sin(a), a }];
  }));
  const defs = svg('defs', {}, Object.entries(KINDS).map(([kind, k]) => svg('marker', {
    id: 'arrow-' + kind, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse',
  }, svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: k.colour }))));
  const edges = [], badges = [], pairs = new Map(), selfCount = new Map();
  const active = [...state.dilemmas.entries()].sort((x, y) => x[0].localeCompare(y[0]));
  for (const [key, { d }] of active) {
    const k = KINDS[d.kind] || KINDS.PERSUASION;
    const from = at.get(d.holderId);
    if (!from) continue;
    const to = d.towardsId && at.get(d.towardsId);
    let bx, by;
    if (to) {
      const pair = d.holderId + '>' + d.towardsId;
      const n = pairs.get(pair) || 0;
      pairs.set(pair, n + 1);
      const dx = to.x - from.x, dy = to.y - from.y, len = Math.hypot(dx, dy);
      const ux = dx / len, uy = dy / len;
      const bend = 22 + 20 * n;  // each further dilemma on the same pair bends further out
      const mx = (from.x + to.x) / 2 - uy * bend, my = (from.y + to.y) / 2 + ux * bend;
      const sx = from.x + ux * nodeR, sy = from.y + uy * nodeR, ex = to.x - ux * (nodeR + 3), ey = to.y - uy * (nodeR + 3);
      edges.push(svg('path', {
        d: `M${sx},${sy} Q${mx},${my} ${ex},${ey}`, class: 'edge' + (state.selected === key ? ' selected' : ''),
        stroke: k.colour, 'marker-end': `url(#arrow-${d.kind})`,
      }));
      bx = 0.25 * sx + 0.5 * mx + 0.25 * ex;
      by = 0.25 * sy + 0.5 * my + 0.25 * ey;
    } else {
      const n = selfCount.get(d.holderId) || 0;
      selfCount.set(d.holderId, n + 1);
      const side = nodeR + 16 + 25 * n;  // along the circle, clear of the name and the arrows
      bx = from.x - Math.sin(from.a) * side;
      by = from.y + Math.cos(from.a) * side;
    }
    badges.push(svg('g', {
      class: 'badge-node' + (state.selected === key ? ' selected' : ''), tabindex: 0, role: 'button',
      'aria-label': dilemmaTitle(d), 'data-key': key,
      onclick: () => select(key), onkeydown: ev => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); select(key); } },
    }, svg('title', {}, dilemmaTitle(d)),
    svg('circle', { cx: bx, cy: by, r: 12, fill: '#fff', stroke: k.colour, 'stroke-width': 3 }),
    svg('text', { x: bx, y: by + 4, 'text-anchor': 'middle', class: 'badge-letter', fill: k.colour }, k.letter)));
  }
  const nodes = characters.map(c => {
    const p = at.get(c.id);
    // The name sits outside the circle, on the node's side, clear of the arrows inside.
    const cos = Math.cos(p.a), sin = Math.sin(p.a);
    const anchor = cos > 0.3 ? 'start' : cos < -0.3 ? 'end' : 'middle';
    const lines = twoLines(c.name);
    const lx = p.x + cos * (nodeR + 6);
    const ly = anchor !== 'middle' ? p.y + sin * (nodeR + 10) + 4 - 7 * (lines.length - 1)
      : sin < 0 ? p.y - nodeR - 8 - 14 * (lines.length - 1) : p.y + nodeR + 16;
    return svg('g', { class: 'node' },
      svg('circle', { cx: p.x, cy: p.y, r: nodeR }),
      svg('text', { x: p.x, y: p.y + 5, 'text-anchor': 'middle', class: 'initials' }, initials(c.name)),
      svg('text', { y: ly, 'text-anchor': anchor, class: 'name' },
        lines.map((line, i) => svg('tspan', { x: lx, dy: i === 0 ? 0 : 14 }, line))));
  });
  map.replaceChildren(defs, ...edges, ...nodes, ...badges);
  const count = state.dilemmas.size;
  const observer = state.joined && state.joined.role === 'OBSERVER';
  const revealed = state.session && (state.session.phase === 'DEBRIEF' || state.session.phase === 'ENDED');
  $('dilemma-count').textContent = observer && !revealed ? 'private to each player until the debrief'
    : count + (count === 1 ? ' now' : ' now');
  renderDetail();
}

function select(key) {
  state.selected = state.selected === key ? null : key;
  renderMap();
  const again = document.querySelector(`[data-key="${CSS.escape(key)}"]`);
  if (again) again.focus();
}

function renderDetail() {
  const box = $('dilemma-detail');
  const entry = state.selected && state.dilemmas.get(state.selected);
  if (!entry) {
    const all = [...state.dilemmas.entries()];
    box.replaceChildren(all.length
      ? el('ul', { class: 'dilemma-list' }, all.map(([key, { d }]) => el('li', {},
        el('button', { type: 'button', class: 'linklike', onclick: () => select(key) },
          el('span', { class: 'kind', 'data-kind': d.kind }, (KINDS[d.kind] || {}).letter), ' ', dilemmaTitle(d)))))
      : el('p', { class: 'empty' }, 'No dilemmas to show.'));
    return;
  }
  const d = entry.d;
  box.replaceChildren(
    el('h3', {}, el('span', { class: 'kind', 'data-kind': d.kind }, (KINDS[d.kind] || {}).letter), ' ', dilemmaTitle(d)),
    el('p', {}, d.explanation || ''),
    (d.waysOut || []).length ? el('h4', {}, 'Ways out') : null,
    el('ul', { class: 'ways' }, (d.waysOut || []).map(w => el('li', {},
      el('b', {}, (w.kind || 'way out').replace(/_/g, ' ')), ': ', w.description || '', w.cost ? el('small', {}, ' (' + w.cost + ')') : null))),
    el('button', { type: 'button', class: 'linklike', onclick: () => select(state.selected) }, 'Back to the list'));
}

function renderLegend() {
  $('legend').replaceChildren(...Object.entries(KINDS).map(([kind, k]) =>
    el('li', {}, el('span', { class: 'kind', 'data-kind': kind }, k.letter), ' ', k.name)));
}

function renderLinks() {
  const f = $('links');
  if (!state.links) return;
  f.hidden = false;
  f.replaceChildren('Projector link (safe to show the room): ',
    el('a', { href: state.links.projectorUrl, target: '_blank', rel: 'noopener noreferrer' }, state.links.projectorUrl));
}

// ------------------------------------------------------------------ trainer controls

function wireControls() {
  $('next-phase').addEventListener('click', () => request({ advancePhase: {} }));
  $('pause').addEventListener('click', () => request({ pauseClock: { paused: !(state.session && state.session.paused) } }));
  $('extend').addEventListener('click', () => request({ extendClock: { seconds: 300 } }));
  $('inject-form').addEventListener('submit', ev => {
    ev.preventDefault();
    const text = $('inject-text').value.trim();
    if (!text) return;
    // One word is an inject from the pack; anything longer is the trainer's own text.
    const inject = /^[A-Za-z0-9_-]+$/.test(text) ? { injectId: text } : { text };
    request({ sendInject: inject }, reply => { if (!reply.error) $('inject-text').value = ''; });
  });
}

renderLegend();
wireControls();
connect();

// The visual debrief: the session's debrief export (its JSON form, the same the trainer's
// console saves) drawn as charts. With the dashboard's link (a trainer token) it is the
// trainer's copy, private talk included; with the projector's link it is what everyone may
// read, and only once the trainer has opened the debrief. The server decides which: this
// page asks for the debrief and shows what it gets. The figures (dilemma spans, rankings,
// agreements) are worked out by the server; the HTML export draws the same ones.
'use strict';

const params = new URLSearchParams(location.hash.slice(1));
const joinCode = (params.get('code') || '').toUpperCase();
const dashboardToken = params.get('token') || '';
const wantsTrainer = dashboardToken !== '';
const PING_EVERY_MS = 15000;
// The charts' geometry, as in the HTML export (DebriefHtml): a column of labels, then the plot.
const WIDTH = 1000, PLOT_LEFT = 330, PLOT_RIGHT = 980, HEAD = 30, ROW = 28, LETTER_WIDTH = 7;

const page = { socket: null, nextRequest: 1, pending: new Map(), nameTry: 1, joined: null, phase: null, debrief: null, waiting: false };

// ------------------------------------------------------------------ the connection

function connect() {
  if (!joinCode) {
    status('This page needs a link with a join code: open it from the dashboard.', true);
    $('role-label').textContent = 'no session';
    return;
  }
  const socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
  page.socket = socket;
  socket.onopen = () => send({ hello: { protocolVersion: 'PROTOCOL_VERSION_CURRENT', client: 'drama-web-debrief 0.1' } }, sit);
  socket.onmessage = e => receive(JSON.parse(e.data));
  socket.onclose = () => {
    status('Connection lost; reconnecting…', true);
    page.joined = null;
    setTimeout(connect, 2000);
  };
}

function send(command, then) {
  const id = page.nextRequest++;
  if (then) page.pending.set(String(id), then);
  if (page.socket && page.socket.readyState === WebSocket.OPEN) page.socket.send(JSON.stringify({ requestId: id, ...command }));
}

/** A seat of its own beside the dashboard: a trainer's with the token, an observer's without. */
function sit() {
  const name = (wantsTrainer ? 'Debrief' : 'Projector debrief') + (page.nameTry > 1 ? ' ' + page.nameTry : '');
  send(wantsTrainer ? { attachTrainer: { joinCode, dashboardToken, displayName: name } }
    : { watch: { joinCode, displayName: name } }, reply => {
    if (reply.error && reply.error.code === 'NAME_TAKEN' && page.nameTry < 20) {
      page.nameTry++;
      sit();
    } else if (reply.error) {
      status('Refused: ' + reply.error.message, true);
    } else {
      askForDebrief();
    }
  });
}

function askForDebrief() {
  send({ exportDebrief: { format: 'JSON' } }, reply => {
    if (reply.error) {
      // An observer reads the debrief once the trainer opens it: wait for that phase.
      page.waiting = reply.error.code === 'NOT_ALLOWED';
      status(page.waiting ? 'The debrief shows here when the trainer opens it.' : 'Refused: ' + reply.error.message, !page.waiting);
      return;
    }
    page.waiting = false;
    page.debrief = JSON.parse(reply.debrief.content);
    status('');
    render();
  });
}

function receive(m) {
  const then = m.requestId && page.pending.get(m.requestId);
  if (then) page.pending.delete(m.requestId);
  if (m.sessionJoined) {
    page.joined = m.sessionJoined;
    const trainer = m.sessionJoined.role === 'TRAINER';
    document.body.classList.toggle('trainer', trainer);
    document.body.classList.toggle('projector', !trainer);
    $('role-label').textContent = trainer ? 'Trainer\'s copy: with private talk' : 'Projector: what everyone may see';
    $('join-code').textContent = m.sessionJoined.joinCode;
    $('download').hidden = !trainer;
    renderLinks();
  } else if (m.sessionState) {
    const before = page.phase;
    page.phase = m.sessionState.phase;
    if (page.waiting && before !== page.phase && (page.phase === 'DEBRIEF' || page.phase === 'ENDED')) askForDebrief();
  }
  if (then) then(m);
}

setInterval(() => send({ ping: { nonce: Date.now() } }), PING_EVERY_MS);

// ------------------------------------------------------------------ words

function clock(ms) { return new Date(ms).toTimeString().slice(0, 8); }

function minute(ms) { return new Date(ms).toTimeString().slice(0, 5); }

function characterName(id) {
  const c = page.debrief && page.debrief.cast.find(x => x.id === id);
  return c ? c.name : id;
}

/** A name short enough for a chart label: its last word. */
function shortName(id) {
  const words = characterName(id).split(/\s+/);
  return words[words.length - 1];
}

function kindOf(kind) { return KINDS[kind] || { letter: '?', name: String(kind).toLowerCase(), colour: '#444444' }; }

function spanTitle(s) {
  return kindOf(s.kind).name + ' dilemma' + (s.towards ? ' towards ' + characterName(s.towards) : '')
    + ': arose ' + clock(s.aroseEpochMs)
    + (s.resolvedEpochMs == null ? ', still open at the end' : ', resolved ' + clock(s.resolvedEpochMs));
}

// ------------------------------------------------------------------ views

function render() {
  const d = page.debrief;
  $('pack-title').textContent = 'Debrief: ' + d.pack.title;
  document.title = 'Debrief · ' + d.pack.title;
  renderDilemmas(d.charts);
  renderOutcome(d);
  renderAgreements(d.charts.agreements);
  renderTimeline(d.timeline);
}

function renderDilemmas(charts) {
  $('legend').replaceChildren(...Object.entries(KINDS).map(([kind, k]) =>
    el('span', {}, el('span', { class: 'kind', 'data-kind': kind }, k.letter), ' ', k.name)));
  const x = at => {
    const span = Math.max(1, charts.endEpochMs - charts.startEpochMs);
    return PLOT_LEFT + Math.min(1, Math.max(0, (at - charts.startEpochMs) / span)) * (PLOT_RIGHT - PLOT_LEFT);
  };
  const blocks = Object.entries(charts.dilemmas).map(([holder, spans]) => {
    const heading = el('h3', {}, characterName(holder), ' ',
      el('small', {}, spans.length === 0 ? 'no dilemma during play'
        : spans.length + (spans.length === 1 ? ' dilemma' : ' dilemmas') + ', '
          + spans.filter(s => s.resolvedEpochMs == null).length + ' open at the end'));
    if (spans.length === 0) return el('div', { class: 'chart-block', 'data-holder': holder }, heading);
    // One row per dilemma (kind and target); a dilemma that came back shares its row.
    const rows = new Map();
    for (const s of spans) {
      const key = s.kind + '|' + s.towards;
      if (!rows.has(key)) rows.set(key, []);
      rows.get(key).push(s);
    }
    const height = HEAD + rows.size * ROW + 24;
    const parts = [...phaseBands(charts, x, height - 24)];
    let y = HEAD;
    for (const row of rows.values()) {
      const k = kindOf(row[0].kind);
      parts.push(svg('text', { x: PLOT_LEFT - 16, y: y + 19, 'text-anchor': 'end', class: 'row-label' },
        svg('tspan', { 'font-weight': 800, fill: k.colour }, k.letter), ' ' + k.name
          + (row[0].towards ? ' → ' + characterName(row[0].towards) : '')));
      for (const s of row) {
        const x1 = x(s.aroseEpochMs);
        const x2 = s.resolvedEpochMs == null ? PLOT_RIGHT : Math.max(x1 + 4, x(s.resolvedEpochMs));
        parts.push(svg('g', { class: 'span', 'data-kind': s.kind, 'data-towards': s.towards, 'data-open': s.resolvedEpochMs == null },
          svg('title', {}, spanTitle(s)),
          svg('rect', { x: x1, y: y + 7, width: x2 - x1, height: 14, rx: 3, fill: k.colour, 'fill-opacity': 0.8 }),
          s.resolvedEpochMs == null
            ? svg('path', { d: `M${PLOT_RIGHT},${y + 3} l12,11 l-12,11 z`, fill: k.colour })
            : svg('rect', { x: x2 - 2, y: y + 3, width: 4, height: 22, fill: '#1b2330' }),
          svg('circle', { cx: x1, cy: y + 14, r: 11, fill: '#fff', stroke: k.colour, 'stroke-width': 3 }),
          svg('text', { x: x1, y: y + 18, 'text-anchor': 'middle', class: 'span-letter', fill: k.colour }, k.letter)));
      }
      y += ROW;
    }
    parts.push(svg('line', { x1: PLOT_LEFT, x2: PLOT_RIGHT, y1: y + 2, y2: y + 2, stroke: '#5b6675' }),
      svg('text', { x: PLOT_LEFT, y: y + 18, class: 'axis' }, clock(charts.startEpochMs)),
      svg('text', { x: PLOT_RIGHT, y: y + 18, class: 'axis', 'text-anchor': 'end' }, clock(charts.endEpochMs)));
    return el('div', { class: 'chart-block', 'data-holder': holder }, heading,
      svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', class: 'chart',
        'aria-label': characterName(holder) + '\'s dilemmas over time: ' + spans.map(spanTitle).join('; ') }, parts));
  });
  $('dilemma-charts').replaceChildren(...blocks);
}

/** The phases as bands behind the bars, each named with the time it began. */
function phaseBands(charts, x, bottom) {
  const out = [];
  charts.phases.forEach((p, i) => {
    const next = charts.phases[i + 1];
    const from = Math.max(p.atEpochMs, charts.startEpochMs);
    const to = next ? next.atEpochMs : charts.endEpochMs;
    if (to <= from || from >= charts.endEpochMs) return;  // a phase with no time on the axis (the debrief, at the end)
    const x1 = x(from), x2 = Math.max(x1, x(to));
    const label = p.name + ' ' + minute(p.atEpochMs);
    out.push(svg('g', {}, svg('title', {}, label),
      svg('rect', { x: x1, y: 0, width: x2 - x1, height: bottom, fill: i % 2 === 0 ? '#eef1f5' : '#f8f9fb' }),
      svg('line', { x1, x2: x1, y1: 0, y2: bottom, stroke: '#9aa3ae' }),
      // A name that does not fit is left to the tooltip.
      x2 - x1 >= LETTER_WIDTH * label.length ? svg('text', { x: x1 + 4, y: 18, class: 'phase-label' }, label) : null));
  });
  return out;
}

function renderOutcome(d) {
  const o = d.outcome;
  $('outcome-summary').replaceChildren(
    o.revealed ? '' : el('strong', {}, 'Not revealed yet: this is what would happen on the stated intentions. '),
    o.summary);
  const compared = Math.max(1, o.comparedFutures);
  const slot = (PLOT_RIGHT - PLOT_LEFT) / compared;
  const entries = Object.entries(d.charts.rankings);
  const heights = entries.map(([, futures]) => {
    const perRank = new Map();
    futures.forEach(f => perRank.set(f.rank, (perRank.get(f.rank) || 0) + 1));
    return 20 + 22 * Math.max(1, ...perRank.values());
  });
  const height = HEAD + heights.reduce((a, b) => a + b, 0) + 8;
  const parts = [];
  for (let r = 1; r <= compared; r++) {
    parts.push(svg('text', { x: PLOT_LEFT + (r - 1) * slot + 6, y: 18, class: 'axis' },
      r === 1 ? '1 best' : r === compared ? r + ' worst' : String(r)));
  }
  let y = HEAD;
  entries.forEach(([id, futures], i) => {
    const h = heights[i];
    parts.push(svg('rect', { x: 0, y, width: WIDTH, height: h, fill: i % 2 === 0 ? '#f3f5f8' : '#ffffff' }),
      svg('text', { x: PLOT_LEFT - 10, y: y + 21, 'text-anchor': 'end', class: 'row-label strong' }, characterName(id)));
    const stacked = new Map();
    for (const f of futures) {
      const n = stacked.get(f.rank) || 0;
      stacked.set(f.rank, n + 1);
      const cx = PLOT_LEFT + (f.rank - 1) * slot + 14, cy = y + 16 + 22 * n;
      parts.push(svg('g', { class: 'future' + (f.outcome ? ' is-outcome' : ''), 'data-rank': f.rank },
        svg('title', {}, futureWords(f, id)), marker(f, id, cx, cy),
        svg('text', { x: cx + 12, y: cy + 5, class: 'future-label' }, futureLabel(f, id))));
    }
    y += h;
  });
  $('ranking-chart').replaceChildren(svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', class: 'chart',
    'aria-label': 'Where each character ranks the outcome among the ' + compared + ' futures compared' }, parts));
  $('verdicts').replaceChildren(...o.characters.map(c => el('li', {}, c.verdict,
    ' It ranks the outcome ' + c.rank + ' of ' + o.comparedFutures + '.',
    ...c.threatsCarriedOut.map(t => ' Carried out the threat of ' + t + '.'))));
}

function marker(f, id, cx, cy) {
  if (f.outcome) return svg('path', { d: `M${cx},${cy - 9} l9,9 l-9,9 l-9,-9 z`, fill: '#1d3557' });
  if (f.threatened) return svg('path', { d: `M${cx},${cy - 8} l8,14 l-16,0 z`, fill: '#b3261e' });
  if (f.positionOf.includes(id)) return svg('rect', { x: cx - 6, y: cy - 6, width: 12, height: 12, fill: '#0b6e4f' });
  return svg('circle', { cx, cy, r: 5, fill: '#9aa3ae' });
}

/** The words beside a future's marker: what it was ("outcome = own position" when it was both). */
function futureLabel(f, id) {
  const what = [];
  if (f.outcome) what.push('outcome');
  if (f.threatened) what.push('threatened');
  if (f.positionOf.includes(id)) what.push('own position');
  if (what.length) return what.join(' = ');
  return f.positionOf.length === 1 ? shortName(f.positionOf[0]) : f.positionOf.length + ' positions';
}

function futureWords(f, id) {
  const what = [];
  if (f.outcome) what.push('the outcome');
  if (f.threatened) what.push('the threatened future');
  f.positionOf.forEach(c => what.push(c === id ? 'its own position' : characterName(c) + '\'s position'));
  return 'ranked ' + f.rank + ': ' + what.join(', ');
}

function renderAgreements(parts) {
  if (parts.length === 0) {
    $('agreements').replaceChildren(el('caption', { class: 'empty' }, 'No offer was accepted.'));
    return;
  }
  $('agreements').replaceChildren(
    el('thead', {}, el('tr', {}, ['Offer', 'Who', 'Its part', 'At the end'].map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, parts.map(p => el('tr', {},
      el('td', {}, p.offerId), el('td', {}, characterName(p.characterId)), el('td', {}, p.words),
      el('td', { class: p.kept ? 'kept' : 'broken' }, p.kept ? '✓ kept' : '✗ broken')))));
}

function renderTimeline(entries) {
  $('timeline').replaceChildren(...entries.map(e => el('li', { class: 't-' + e.kind.replace(/_.*/, '') },
    el('time', {}, clock(Date.parse(e.at))), ' ', e.text)));
}

function renderLinks() {
  if (!page.joined || page.joined.role !== 'TRAINER') return;
  // The projector's copy has no private talk and no offer notes: the one to show the room.
  const projector = location.origin + location.pathname + '#code=' + encodeURIComponent(joinCode);
  $('links').hidden = false;
  $('links').replaceChildren('This copy holds private talk. For the room, the projector\'s copy: ',
    el('a', { href: projector, target: '_blank', rel: 'noopener noreferrer' }, projector));
}

// ------------------------------------------------------------------ controls

function showTab(tab) {
  for (const t of document.querySelectorAll('[role=tab]')) {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    $(t.getAttribute('aria-controls')).hidden = !on;
  }
}

function wireControls() {
  const tabs = [...document.querySelectorAll('[role=tab]')];
  tabs.forEach((t, i) => {
    t.addEventListener('click', () => showTab(t));
    // Arrow keys move between tabs, as in every tab strip.
    t.addEventListener('keydown', ev => {
      const step = ev.key === 'ArrowRight' ? 1 : ev.key === 'ArrowLeft' ? -1 : 0;
      if (!step) return;
      const next = tabs[(i + step + tabs.length) % tabs.length];
      showTab(next);
      next.focus();
    });
  });
  $('refresh').addEventListener('click', () => (page.joined ? askForDebrief() : null));
  $('download').addEventListener('click', () => send({ exportDebrief: { format: 'HTML' } }, reply => {
    if (reply.error) { status('Refused: ' + reply.error.message, true); return; }
    const link = el('a', { href: URL.createObjectURL(new Blob([reply.debrief.content], { type: 'text/html' })),
      download: 'debrief-' + joinCode + '.html' });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  }));
  $('back').href = 'index.html' + location.hash;
  $('dilemma-lines').addEventListener('change', ev => $('timeline').classList.toggle('hide-dilemmas', !ev.target.checked));
}

wireControls();
connect();

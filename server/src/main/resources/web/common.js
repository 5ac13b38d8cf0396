// What the site's pages share: the names of phases and kinds of dilemma, and building the
// page from data. Every text someone typed goes into a page as text, never as markup.
'use strict';

const PHASES = ['LOBBY', 'BRIEFING', 'NEGOTIATION', 'MOMENT_OF_TRUTH', 'DEBRIEF'];
const PHASE_NAMES = {
  LOBBY: 'Lobby', BRIEFING: 'Briefing', NEGOTIATION: 'Negotiation',
  MOMENT_OF_TRUTH: 'Moment of truth', DEBRIEF: 'Debrief', ENDED: 'Ended',
};
// Each kind has a colour (Okabe-Ito, safe for colour-blindness) and letters of its own,
// so that it is told apart without colour too.
const KINDS = {
  PERSUASION: { letter: 'Pe', name: 'persuasion', colour: '#0072B2' },
  REJECTION: { letter: 'Rj', name: 'rejection', colour: '#D55E00' },
  THREAT: { letter: 'Th', name: 'threat', colour: '#CC79A7' },
  POSITIONING: { letter: 'Po', name: 'positioning', colour: '#B07800' },
  COOPERATION: { letter: 'Co', name: 'co-operation', colour: '#009E73' },
  TRUST: { letter: 'Tr', name: 'trust', colour: '#444444' },
};

function $(id) { return document.getElementById(id); }

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined) node.append(c instanceof Node ? c : String(c));
  }
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined) node.append(c instanceof Node ? c : String(c));
  }
  return node;
}

function status(text, isError) {
  const s = $('status');
  s.textContent = text;
  s.classList.toggle('error', !!isError);
}

/** Seconds left on a phase's clock (from a session state or a cohort's group), or null when it has none. */
function secondsLeft(s) {
  if (s.paused) return s.remainingSeconds || 0;
  if (s.phaseDeadlineEpochMs && Number(s.phaseDeadlineEpochMs) > 0) {
    return Math.max(0, Math.round((Number(s.phaseDeadlineEpochMs) - Date.now()) / 1000));
  }
  return null;
}

function clockText(s) {
  const seconds = secondsLeft(s);
  return seconds === null ? '—'
    : (s.paused ? 'paused ' : '') + Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
}

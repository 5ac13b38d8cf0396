// What the dashboard and the debrief page share: the kinds of dilemma as they are drawn,
// and small DOM helpers that put every text in as text, never as markup.
'use strict';

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

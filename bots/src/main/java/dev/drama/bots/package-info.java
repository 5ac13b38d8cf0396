/**
 * Computer-played characters. A {@link dev.drama.bots.Bot} sees exactly what a human
 * player's seat would receive (its own briefing, the public board, its own dilemmas with
 * their ways out, the offers and talk addressed to it) plus its own preference, and answers
 * with the commands a player could send. Privacy therefore holds by construction: a bot
 * cannot act on what its character may not know.
 */
package dev.drama.bots;

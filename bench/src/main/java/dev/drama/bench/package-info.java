package dev.drama.bench;

package dev.drama.server;

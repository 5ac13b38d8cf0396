package dev.drama.scenarios;

package dev.drama.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The browser views' files, read from the jar once at startup. Only these names are
 * served: a request path is looked up in a table, never resolved against a folder, so
 * no path (with dots, slashes or escapes) can reach any other file.
 */
public final class StaticSite {
    /** Every file of the site, in {@code src/main/resources/web/}. */
    static final List<String> FILES = List.of("index.html", "common.js", "dashboard.js", "assign.js", "dashboard.css",
            "favicon.svg", "debrief.html", "debrief.js", "debrief.css", "cohort.html", "cohort.js", "cohort.css");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");

    /** A file as it is sent. */
    public record Page(byte[] body, String contentType) {
    }

    private final Map<String, Page> pages;

    private StaticSite(Map<String, Page> pages) {
        this.pages = pages;
    }

    public static StaticSite fromClasspath() {
        Map<String, Page> pages = new LinkedHashMap<>();
        for (String name : FILES) {
            try (InputStream in = StaticSite.class.getResourceAsStream("/web/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("web/" + name + " is missing from the server's jar");
                }
                pages.put("/" + name, new Page(in.readAllBytes(), TYPES.get(name.substring(name.lastIndexOf('.') + 1))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        pages.put("/", pages.get("/index.html"));
        return new StaticSite(Map.copyOf(pages));
    }

    /** The file at this (already decoded) path, if it is one of the site's. */
    public Optional<Page> page(String path) {
        return Optional.ofNullable(pages.get(path));
    }
}

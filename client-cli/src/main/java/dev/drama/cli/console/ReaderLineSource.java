package dev.drama.cli.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Lines from a plain stream (a pipe, a file, a here-doc), as they arrive. */
public final class ReaderLineSource implements LineSource {
    private final BufferedReader reader;

    public ReaderLineSource(InputStream in) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    @Override
    public String readLine() throws IOException {
        return reader.readLine();
    }
}

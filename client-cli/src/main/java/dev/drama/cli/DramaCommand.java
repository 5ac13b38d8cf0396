package dev.drama.cli;

public final class DramaCommand {
    public static void main(String[] args) {}
}

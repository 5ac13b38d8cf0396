package dev.drama.cli.console;

/** Shows a long text (the debrief) a page at a time, where the console can ask for the next page. */
public interface Pager {
    void page(String text);
}

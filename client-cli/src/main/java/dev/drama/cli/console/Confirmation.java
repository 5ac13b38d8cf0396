package dev.drama.cli.console;

/** A yes/no question put to the person at the console before something hard to take back. */
public interface Confirmation {

    /** @return true only for an explicit yes; no, an empty answer, Ctrl-C and Ctrl-D all mean no */
    boolean confirm(String question);

    /** Scripts are not asked: what a script says, it means. */
    Confirmation ALWAYS = question -> true;
}

package dev.drama.server.visibility;

import dev.drama.proto.Role;

/** What visibility needs to know about a recipient: its role and the character it plays. */
public interface Viewer {
    Role role();

    /** The character played, or empty. */
    String characterId();
}

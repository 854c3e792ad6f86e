package org.personaworkbench.engine.personas;

import java.util.Objects;

/**
 * One row of a persona's content map: what to send, what the message stresses and how it reaches them.
 *
 * @param contentType    for example "Newsletter", "Product bundle", "How-to video"
 * @param messagingFocus for example "New arrivals in their top category"
 * @param channel        for example "Email", "Push", "Paid social"
 */
public record ContentRow(String contentType, String messagingFocus, String channel) {
    public ContentRow {
        contentType = Objects.requireNonNullElse(contentType, "");
        messagingFocus = Objects.requireNonNullElse(messagingFocus, "");
        channel = Objects.requireNonNullElse(channel, "");
    }
}

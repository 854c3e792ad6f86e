package org.personaworkbench.app.export;

import org.personaworkbench.engine.export.ExportResult;

import java.util.List;

/** What the last export wrote, and the first lines of the written file as a preview. */
public record ExportSummary(ExportResult result, List<String> preview) {
    public ExportSummary {
        preview = List.copyOf(preview);
    }
}

package org.personaworkbench.app.common;

import org.personaworkbench.engine.project.DatasetInfo;
import org.personaworkbench.engine.project.Project;

import java.util.List;

/** A project the workbench has open, with its datasets as read when it was opened. */
public record OpenProject(Project project, List<DatasetInfo> datasets) {
    public OpenProject {
        datasets = List.copyOf(datasets);
    }
}

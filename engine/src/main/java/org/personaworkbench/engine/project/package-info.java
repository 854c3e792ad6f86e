/**
 * Projects: the file an analyst works in. {@link org.personaworkbench.engine.project.ProjectService} creates
 * and opens them; {@link org.personaworkbench.engine.project.Project} lists and reads datasets, keeps the
 * import log and settings, and writes new datasets transactionally through
 * {@link org.personaworkbench.engine.project.DatasetWriter}.
 */
package org.personaworkbench.engine.project;

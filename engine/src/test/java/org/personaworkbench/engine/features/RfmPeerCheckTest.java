package org.personaworkbench.engine.features;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.personaworkbench.engine.SharedData;
import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.importing.BadRowPolicy;
import org.personaworkbench.engine.importing.CsvImporter;
import org.personaworkbench.engine.importing.CsvInspector;
import org.personaworkbench.engine.importing.FormatOverrides;
import org.personaworkbench.engine.importing.ImportOptions;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.ProjectOptions;
import org.personaworkbench.engine.project.ProjectService;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * RFM on the bench file {@code ../shared/bench/data/transactions_1m.csv} reproduces the pandas peer
 * ({@code ../shared/bench/peer_import.py}): 7,243 customers, reference 2011-12-10, sum recency 754,912, sum
 * frequency 35,031, sum monetary 25,229,144.46. Skipped when the file is not beside this clone.
 */
@Tag("slow")
class RfmPeerCheckTest {

    @TempDir
    Path folder;

    @Test
    void rfmOnTheBenchFileMatchesThePandasPeer() {
        Optional<Path> file = SharedData.file("bench/data/transactions_1m.csv");
        assumeTrue(file.isPresent(), "the bench file ../shared/bench/data/transactions_1m.csv is not on this machine");

        try (Project project = new ProjectService().create(folder.resolve("bench"), ProjectOptions.plain())) {
            var preview = new CsvInspector().inspect(file.get(), FormatOverrides.none());
            new CsvImporter().importFile(project, file.get(), ImportOptions.fromPreview(preview, "tx", BadRowPolicy.FAIL),
                    Progress.NONE, CancellationToken.create());

            FeatureSet set = RfmFeatures.build(project, RfmOptions.defaults("tx", "rfm"), Progress.NONE,
                    CancellationToken.create());

            assertEquals(7_243, set.customers().size());
            assertEquals(LocalDate.of(2011, 12, 10), set.referenceDate());
            assertEquals(754_912, set.customers().stream().mapToLong(CustomerRfm::recencyDays).sum());
            assertEquals(35_031, set.customers().stream().mapToLong(CustomerRfm::frequency).sum());
            assertEquals(25_229_144.46, set.customers().stream().mapToDouble(CustomerRfm::monetary).sum(), 0.01);
        }
    }
}

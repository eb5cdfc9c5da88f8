package io.annualreport.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.annualreport.model.report.Cell;
import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.report.Identity;
import io.annualreport.model.template.Edition;

/**
 * Generates synthetic annual reports of both editions with random but consistent numbers and their ground truth;
 * deterministic for a seed.
 */
public final class CorpusGenerator {

    private final Random random;

    public CorpusGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** The next consistent report of an edition, without noise. */
    public GeneratedReport generate(Edition edition) {
        return generate(edition, Noise.none());
    }

    /** The next consistent report of an edition; each switched-on kind of noise is planned with its own chance. */
    public GeneratedReport generate(Edition edition, Noise noise) {
        if (edition != Edition.E2019 && edition != Edition.E2021) {
            throw new IllegalArgumentException("Only E2019 and E2021 reports can be generated, not " + edition);
        }
        long reportSeed = random.nextLong();
        Random r = new Random(reportSeed);
        int year = edition == Edition.E2019 ? 2019 + r.nextInt(2) : 2021 + r.nextInt(5);
        AgencyNames.Agency agency = AgencyNames.draw(r);
        TableNumbers.Scale scale = TableNumbers.scaleFor(agency.kind(), r);
        Map<String, Cell> cells = new LinkedHashMap<>(new TableNumbers(r).draw(edition, agency.kind(), scale));
        Identity identity = identity(agency, year, edition, r.nextInt(10) == 0);
        boolean henanLabels = r.nextInt(10) < 3;
        long narrativeSeed = r.nextLong();
        List<InjectedNoise> planned = new ArrayList<>(new NoisePlanner(r, edition, cells).plan(noise));
        String shortForm = AgencyNames.shortForm(agency);
        if (planned.stream().anyMatch(n -> n.kind() == NoiseKind.ABBREVIATED_AGENCY)) {
            boolean untitled = planned.stream().anyMatch(
                    n -> n.kind() == NoiseKind.MISSING_TITLE || n.kind() == NoiseKind.CITED_NOTICE_FIRST);
            if (shortForm == null || untitled) {
                // without a title the agency is printed only in the body, in full: nothing abbreviated
                planned.removeIf(n -> n.kind() == NoiseKind.ABBREVIATED_AGENCY);
            } else {
                identity = new Identity(identity.title().replace(agency.name(), shortForm), shortForm,
                        identity.region(), identity.year(), identity.edition(), identity.foundBy(), agency.name());
            }
        }
        ReportSpec spec = new ReportSpec(reportSeed, identity, Collections.unmodifiableMap(cells),
                henanLabels, narrativeSeed, Map.of(), Set.of(), List.copyOf(planned), null, List.of());
        return ReportAssembler.assemble(spec);
    }

    static Identity identity(AgencyNames.Agency agency, int year, Edition edition, boolean yearlyTitle) {
        String title = agency.name() + year + (yearlyTitle ? "年度" : "年") + "政府信息公开工作年度报告";
        return new Identity(title, agency.name(), agency.region(), year, edition,
                Map.of("agency", "title", "year", "title", "region", "title", "edition", "markers"));
    }

    /** Marks a cell blank or "/" in the truth: the value is unknown, never zero. */
    static Cell unreadable(CellSemantic semantic) {
        return Cell.of(semantic == CellSemantic.EMPTY ? "" : "/", null, semantic);
    }

    /** The keys of the zero cells whose key starts with a prefix, in printed order. */
    static List<String> zeroCellKeys(Map<String, Cell> cells, String prefix) {
        List<String> keys = new ArrayList<>();
        cells.forEach((k, v) -> {
            if (k.startsWith(prefix) && v.semantic() == CellSemantic.ZERO) {
                keys.add(k);
            }
        });
        return keys;
    }
}

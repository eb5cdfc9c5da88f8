package io.annualreport.store.agency;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.text.similarity.LevenshteinDistance;

import io.annualreport.model.text.TextFolding;

/**
 * Attaches a report to its canonical agency from the names it prints and the one its submitter declared, first that
 * applies: the declared registry id, an exact alias, the same division and body with more or fewer higher-level
 * regions (淮安市洪泽区人民政府 = 洪泽区人民政府), a close name in the same division; otherwise a new agency. Plain Java:
 * the registry is read through {@link Registry}.
 */
public final class AgencyMatcher {

    /** Below this similarity of bodies in one division no fuzzy match is made. */
    public static final double FUZZY_THRESHOLD = 0.8;

    /** What the matcher reads of the registry. */
    public interface Registry {

        /** The agency a folded alias belongs to. */
        Optional<Long> agencyOfAlias(String folded);

        /** The agency of an id, following merges. */
        Optional<KnownAgency> agency(long id);

        /** The agencies of these divisions. */
        List<KnownAgency> inRegions(Set<String> regionCodes);
    }

    /**
     * The names a report gives for its agency.
     *
     * @param printed the agency as printed (title or body)
     * @param full the full name when the printed one is abbreviated, null otherwise
     * @param declared what the submitter declared at upload (a registry id or a name), null when nothing
     */
    public record Names(String printed, String full, String declared) {
    }

    private final RegionDirectory regions;

    public AgencyMatcher(RegionDirectory regions) {
        this.regions = regions;
    }

    /** The folded form names are compared in. */
    public static String fold(String name) {
        return name == null ? "" : TextFolding.compact(name);
    }

    /** Matches a report's names; empty when it gives no name at all. */
    public Optional<AgencyMatch> match(Names names, Registry registry) {
        String declared = names.declared() == null ? "" : names.declared().strip();
        if (declared.matches("\\d{1,12}")) {
            Optional<KnownAgency> agency = registry.agency(Long.parseLong(declared));
            if (agency.isPresent()) {
                return Optional.of(existing(agency.get(), MatchBasis.DECLARED_CODE, 1.0, names));
            }
        }
        boolean byDeclaredName = !declared.isEmpty() && !declared.matches("\\d{1,12}");
        List<String> candidates = new ArrayList<>();
        if (byDeclaredName) {
            candidates.add(fold(declared));
        } else {
            for (String n : new String[]{names.full(), names.printed()}) {
                if (n != null && !fold(n).isEmpty() && !candidates.contains(fold(n))) {
                    candidates.add(fold(n));
                }
            }
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        for (String name : candidates) {
            Optional<Long> id = registry.agencyOfAlias(name);
            Optional<KnownAgency> agency = id.flatMap(registry::agency);
            if (agency.isPresent()) {
                return Optional.of(existing(agency.get(), byDeclaredName
                        ? MatchBasis.DECLARED_NAME
                        : MatchBasis.EXACT_ALIAS, 1.0, names));
            }
        }
        for (String name : candidates) {
            List<RegionReading> readings = regions.read(name);
            if (readings.isEmpty()) {
                continue;
            }
            Set<String> codes = new LinkedHashSet<>();
            readings.forEach(r -> codes.add(r.regionCode()));
            String body = readings.get(0).remainder();
            List<KnownAgency> known = registry.inRegions(codes);
            List<KnownAgency> same = known.stream().filter(k -> body.equals(k.body())).toList();
            if (same.size() == 1) {
                return Optional.of(existing(same.get(0), byDeclaredName
                        ? MatchBasis.DECLARED_NAME
                        : MatchBasis.REGION_PREFIX_STRIPPED, readings.size() == 1 ? 0.95 : 0.8, names));
            }
            KnownAgency closest = null;
            double best = 0;
            for (KnownAgency k : known) {
                double similarity = similarity(body, k.body());
                if (k.body() != null && body.length() >= 3 && similarity > best) {
                    best = similarity;
                    closest = k;
                }
            }
            if (closest != null && best >= FUZZY_THRESHOLD && readings.size() == 1) {
                return Optional.of(existing(closest, MatchBasis.FUZZY, Math.round(best * 0.9 * 100) / 100.0, names));
            }
        }
        return Optional.of(fresh(candidates, byDeclaredName ? MatchBasis.DECLARED_NAME : MatchBasis.NEW, names));
    }

    /** 1 − edit distance / longer length. */
    static double similarity(String a, String b) {
        if (a == null || b == null || a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        int distance = LevenshteinDistance.getDefaultInstance().apply(a, b);
        return 1.0 - (double) distance / Math.max(a.length(), b.length());
    }

    private AgencyMatch existing(KnownAgency agency, MatchBasis basis, double confidence, Names names) {
        return new AgencyMatch(agency.id(), basis, confidence, agency.name(), agency.regionCode(), agency.body(),
                AgencyKind.of(agency.body()), aliases(names, agency.regionCode(), agency.body()));
    }

    private AgencyMatch fresh(List<String> candidates, MatchBasis basis, Names names) {
        String name = candidates.get(0);
        String regionCode = null;
        String body = name;
        int read = -1;
        for (String candidate : candidates) {
            List<RegionReading> readings = regions.read(candidate);
            if (readings.size() == 1 && readings.get(0).names() > read) {
                read = readings.get(0).names();
                regionCode = readings.get(0).regionCode();
                body = readings.get(0).remainder();
            }
        }
        String canonical = regionCode == null ? name : fullName(regionCode, body);
        return new AgencyMatch(null, basis, 1.0, canonical, regionCode, body, AgencyKind.of(body),
                aliases(names, regionCode, body));
    }

    /** The name with every region from the city down (洪泽区 → 淮安市洪泽区人民政府; a province's own bodies keep it). */
    String fullName(String regionCode, String body) {
        List<Region> path = regions.path(regionCode);
        List<Region> printed = path.size() > 1 ? path.subList(1, path.size()) : path;
        StringBuilder out = new StringBuilder();
        printed.forEach(r -> out.append(r.name()));
        return out.append(body).toString();
    }

    /**
     * The names to record as aliases: the printed (unless an abbreviation naming no region) and declared ones, and for a known division its body under each
     * suffix of the region path whose first name is unique (洪泽区人民政府, 淮安市洪泽区人民政府, 江苏省淮安市洪泽区人民政府).
     */
    List<String> aliases(Names names, String regionCode, String body) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : new String[]{names.printed(), names.full()}) {
            // an abbreviation without region names (区政府) would name every district's government
            boolean bareAbbreviation = n == names.printed() && names.full() != null && regions.read(fold(n)).isEmpty();
            if (n != null && !fold(n).isEmpty() && !bareAbbreviation) {
                out.add(fold(n));
            }
        }
        if (names.declared() != null && !names.declared().strip().matches("\\d{1,12}")
                && !fold(names.declared()).isEmpty()) {
            out.add(fold(names.declared()));
        }
        if (regionCode != null && body != null && !body.isEmpty()) {
            List<Region> path = regions.path(regionCode);
            for (int from = 0; from < path.size(); from++) {
                if (from > 0 && !regions.uniqueName(path.get(from).name())) {
                    continue;
                }
                StringBuilder alias = new StringBuilder();
                path.subList(from, path.size()).forEach(r -> alias.append(r.name()));
                out.add(alias.append(body).toString());
            }
        }
        return List.copyOf(out);
    }
}

package io.annualreport.store.agency;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The administrative divisions of China (province, city, county) by GB/T 2260 code, from the vendored table
 * {@code regions/regions.csv} (see {@code regions/SOURCE.txt}; refreshed by {@code scripts/refresh-regions.sh}), and
 * the reading of the region names a printed agency name begins with.
 */
public final class RegionDirectory {

    /** Placeholder divisions that are not printed in names. */
    private static final Set<String> PLACEHOLDERS = Set.of("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划");

    private final Map<String, Region> byCode = new LinkedHashMap<>();
    private final Map<Character, List<Region>> byFirstChar = new HashMap<>();
    private final Map<String, Integer> nameCounts = new HashMap<>();

    private RegionDirectory(Collection<Region> regions) {
        for (Region r : regions) {
            byCode.put(r.code(), r);
            if (!PLACEHOLDERS.contains(r.name())) {
                byFirstChar.computeIfAbsent(r.name().charAt(0), c -> new ArrayList<>()).add(r);
                nameCounts.merge(r.name(), 1, Integer::sum);
            }
        }
        byFirstChar.values().forEach(list -> list.sort(Comparator.comparingInt((Region r) -> -r.name().length())));
    }

    /** A directory of the given divisions (tests). */
    public static RegionDirectory of(Collection<Region> regions) {
        return new RegionDirectory(regions);
    }

    /** The vendored table. */
    public static RegionDirectory load() {
        try (InputStream in = RegionDirectory.class.getResourceAsStream("/regions/regions.csv")) {
            if (in == null) {
                throw new IllegalStateException("regions/regions.csv is missing from the classpath");
            }
            List<Region> regions = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(",", -1);
                if (f.length >= 4) {
                    regions.add(new Region(f[0], f[1], Integer.parseInt(f[2]), f[3].isEmpty() ? null : f[3]));
                }
            }
            return new RegionDirectory(regions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many divisions the directory holds. */
    public int size() {
        return byCode.size();
    }

    /** All divisions, provinces first. */
    public Collection<Region> all() {
        return byCode.values();
    }

    /** The division of a code. */
    public Optional<Region> byCode(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** The divisions directly below a code, or the provinces when the code is null. */
    public List<Region> children(String parentCode) {
        return byCode.values().stream().filter(r -> parentCode == null
                ? r.parentCode() == null
                : parentCode.equals(r.parentCode()) || isPlaceholderChildOf(r, parentCode)).toList();
    }

    /** A county below a municipality's 市辖区 counts as a child of the municipality. */
    private boolean isPlaceholderChildOf(Region r, String parentCode) {
        Region parent = r.parentCode() == null ? null : byCode.get(r.parentCode());
        return parent != null && PLACEHOLDERS.contains(parent.name()) && parentCode.equals(parent.parentCode());
    }

    /** The division and those above it, the province first. */
    public List<Region> path(String code) {
        List<Region> path = new ArrayList<>();
        for (Region r = byCode.get(code); r != null; r = r.parentCode() == null ? null : byCode.get(r.parentCode())) {
            if (!PLACEHOLDERS.contains(r.name())) {
                path.add(0, r);
            }
        }
        return path;
    }

    /** Whether {@code code} is {@code ancestor} or lies below it. */
    public boolean within(String code, String ancestor) {
        return code != null && ancestor != null && code.startsWith(Region.subtreePrefix(ancestor));
    }

    /** Whether no other division bears this name (its short form in agency names is then unambiguous). */
    public boolean uniqueName(String name) {
        return nameCounts.getOrDefault(name, 0) == 1;
    }

    /**
     * The readings of the region names the folded name begins with that read the most characters; several when the
     * first name is borne by several divisions (鼓楼区), none when the name begins with no region.
     */
    public List<RegionReading> read(String folded) {
        List<RegionReading> out = new ArrayList<>();
        read(folded, 0, null, 0, out);
        int best = out.stream().mapToInt(r -> folded.length() - r.remainder().length()).max().orElse(0);
        return out.stream().filter(r -> folded.length() - r.remainder().length() == best).distinct().toList();
    }

    private void read(String name, int at, Region above, int names, List<RegionReading> out) {
        boolean deeper = false;
        if (at < name.length()) {
            for (Region r : byFirstChar.getOrDefault(name.charAt(at), List.of())) {
                if (name.startsWith(r.name(), at) && (above == null ? true : within(r.code(), above.code()))
                        && (above == null || r.level() > above.level())) {
                    deeper = true;
                    read(name, at + r.name().length(), r, names + 1, out);
                }
            }
        }
        if (!deeper && above != null) {
            out.add(new RegionReading(above.code(), name.substring(at), names));
        }
    }
}

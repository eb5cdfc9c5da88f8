package io.annualreport.store.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AgencyMatcherTest {

    private static final RegionDirectory REGIONS = RegionDirectory.load();
    private final AgencyMatcher matcher = new AgencyMatcher(REGIONS);

    /** A registry in memory that registers what the matcher proposes, as the JDBC adapter does. */
    static final class MemoryRegistry implements AgencyMatcher.Registry {
        final Map<String, Long> aliases = new HashMap<>();
        final List<KnownAgency> agencies = new ArrayList<>();

        @Override
        public Optional<Long> agencyOfAlias(String folded) {
            return Optional.ofNullable(aliases.get(folded));
        }

        @Override
        public Optional<KnownAgency> agency(long id) {
            return agencies.stream().filter(a -> a.id() == id).findFirst();
        }

        @Override
        public List<KnownAgency> inRegions(Set<String> regionCodes) {
            return agencies.stream().filter(a -> regionCodes.contains(a.regionCode())).toList();
        }

        long record(AgencyMatch match) {
            long id = match.isNew() ? agencies.size() + 1 : match.agencyId();
            if (match.isNew()) {
                agencies.add(new KnownAgency(id, match.name(), match.regionCode(), match.body()));
            }
            match.aliases().forEach(a -> aliases.putIfAbsent(a, id));
            return id;
        }
    }

    private AgencyMatch match(MemoryRegistry registry, String printed) {
        return matcher.match(new AgencyMatcher.Names(printed, null, null), registry).orElseThrow();
    }

    @Test
    void shouldLoadTheVendoredDivisionTable() {
        assertThat(REGIONS.size()).isGreaterThan(3000);
        assertThat(REGIONS.byCode("320813")).get().extracting(Region::name, Region::parentCode)
                .containsExactly("洪泽区", "320800");
        assertThat(REGIONS.path("320813")).extracting(Region::name).containsExactly("江苏省", "淮安市", "洪泽区");
        assertThat(REGIONS.children("320800")).extracting(Region::name).contains("洪泽区", "淮安区")
                .doesNotContain("江苏省");
    }

    @Test
    void shouldReadTheRegionNamesAtTheStartOfAName() {
        assertThat(REGIONS.read("淮安市洪泽区人民政府")).containsExactly(new RegionReading("320813", "人民政府", 2));
        assertThat(REGIONS.read("洪泽区人民政府")).containsExactly(new RegionReading("320813", "人民政府", 1));
        assertThat(REGIONS.read("北京市海淀区财政局")).extracting(RegionReading::regionCode).containsExactly("110108");
        assertThat(REGIONS.read("鼓楼区人民政府")).hasSizeGreaterThan(1);
        assertThat(REGIONS.read("国家税务总局")).isEmpty();
    }

    @Test
    void shouldLinkTheNameWithAndWithoutItsCityInEitherOrder() {
        for (List<String> order : List.of(List.of("洪泽区人民政府", "淮安市洪泽区人民政府"),
                List.of("淮安市洪泽区人民政府", "洪泽区人民政府"))) {
            MemoryRegistry registry = new MemoryRegistry();
            AgencyMatch first = match(registry, order.get(0));
            assertThat(first.isNew()).isTrue();
            assertThat(first.basis()).isEqualTo(MatchBasis.NEW);
            assertThat(first.name()).isEqualTo("淮安市洪泽区人民政府");
            assertThat(first.regionCode()).isEqualTo("320813");
            assertThat(first.kind()).isEqualTo(AgencyKind.GOVERNMENT);
            long id = registry.record(first);

            AgencyMatch second = match(registry, order.get(1));
            assertThat(second.agencyId()).isEqualTo(id);
            assertThat(second.basis()).isEqualTo(MatchBasis.EXACT_ALIAS);
        }
    }

    @Test
    void shouldMatchTheSameBodyWithAProvincePrefixByStrippingRegions() {
        MemoryRegistry registry = new MemoryRegistry();
        long id = registry.record(match(registry, "淮安市洪泽区财政局"));
        registry.aliases.clear();

        AgencyMatch match = match(registry, "江苏省淮安市洪泽区财政局");

        assertThat(match.agencyId()).isEqualTo(id);
        assertThat(match.basis()).isEqualTo(MatchBasis.REGION_PREFIX_STRIPPED);
        assertThat(match.confidence()).isEqualTo(0.95);
    }

    @Test
    void shouldNotGuessAmongDivisionsOfTheSameName() {
        MemoryRegistry registry = new MemoryRegistry();
        long nanjing = registry.record(match(registry, "南京市鼓楼区人民政府"));
        long fuzhou = registry.record(match(registry, "福州市鼓楼区人民政府"));
        assertThat(nanjing).isNotEqualTo(fuzhou);
        assertThat(registry.aliases).doesNotContainKey("鼓楼区人民政府");

        AgencyMatch bare = match(registry, "鼓楼区人民政府");

        assertThat(bare.isNew()).isTrue();
        assertThat(bare.regionCode()).isNull();
    }

    @Test
    void shouldMatchACloseNameInTheSameDivisionFuzzily() {
        MemoryRegistry registry = new MemoryRegistry();
        long id = registry.record(match(registry, "淮安市洪泽区政务服务管理办公室"));

        // an OCR slip (办 read as 力)
        AgencyMatch match = match(registry, "淮安市洪泽区政务服务管理力公室");

        assertThat(match.agencyId()).isEqualTo(id);
        assertThat(match.basis()).isEqualTo(MatchBasis.FUZZY);
        assertThat(match.confidence()).isBetween(0.7, 0.9);
        assertThat(match(registry, "淮安市洪泽区财政局").isNew()).isTrue();
    }

    @Test
    void shouldPreferWhatTheSubmitterDeclared() {
        MemoryRegistry registry = new MemoryRegistry();
        long id = registry.record(match(registry, "淮安市洪泽区人民政府"));

        AgencyMatch byCode = matcher.match(new AgencyMatcher.Names("某某单位", null, String.valueOf(id)), registry)
                .orElseThrow();
        AgencyMatch byName = matcher.match(new AgencyMatcher.Names("某某单位", null, "洪泽区人民政府"), registry)
                .orElseThrow();

        assertThat(byCode.agencyId()).isEqualTo(id);
        assertThat(byCode.basis()).isEqualTo(MatchBasis.DECLARED_CODE);
        assertThat(byName.agencyId()).isEqualTo(id);
        assertThat(byName.basis()).isEqualTo(MatchBasis.DECLARED_NAME);
    }

    @Test
    void shouldMatchTheFullNameWhenThePrintedOneIsAbbreviated() {
        MemoryRegistry registry = new MemoryRegistry();
        long id = registry.record(match(registry, "淮安市洪泽区人民政府"));

        AgencyMatch match = matcher.match(new AgencyMatcher.Names("区政府", "淮安市洪泽区人民政府", null), registry)
                .orElseThrow();

        assertThat(match.agencyId()).isEqualTo(id);
        assertThat(match.aliases()).contains("淮安市洪泽区人民政府").doesNotContain("区政府");
    }

    @Test
    void shouldGiveNoMatchWithoutAnyName() {
        assertThat(matcher.match(new AgencyMatcher.Names(null, " ", null), new MemoryRegistry())).isEmpty();
    }
}
